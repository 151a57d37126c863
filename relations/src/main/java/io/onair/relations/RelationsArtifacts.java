package io.onair.relations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.onair.dataset.DataWindow;
import io.onair.features.ScoredId;
import io.onair.features.UserHistory;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Reads and writes the relations artifact, the directory {@code <artifacts>/relations/}:
 *
 * <pre>
 *   relations.json     format, version, dataset, data window, configuration, counts
 *   anchors.tsv        anchor_id  category            (one row per anchor, in index order)
 *   items.tsv          item_id                        (one row per item, in index order)
 *   a2a.tsv            anchor_id  neighbour_id  score (best first per anchor)
 *   i2i.tsv            item_id    neighbour_id  score
 *   item_anchors.tsv   item_id    anchor_id     score
 *   popular.tsv        scenario   anchor_id     score ("*" = all scenarios)
 *   histories.tsv      user_id    kind          id  score (kind: follows, watched, items)
 * </pre>
 *
 * Fields are tab-separated, UTF-8; a tab, newline or backslash inside an id is written {@code \t},
 * {@code \n}, {@code \\}. Stateless and thread-safe.
 */
public final class RelationsArtifacts {
  public static final String DIRECTORY = "relations";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RelationsArtifacts() {}

  /** Writes a build into {@code artifacts/relations/}, replacing a previous one. */
  public static Path write(RelationsJob.Build build, RelationsConfig config, Path artifacts) {
    requireNonNull(build, "build is null");
    Relations r = build.relations();
    Path dir = artifacts.resolve(DIRECTORY);
    try {
      Files.createDirectories(dir);
      try (BufferedWriter w = writer(dir.resolve("anchors.tsv"))) {
        for (int a = 0; a < r.anchorIds().size(); a++) {
          line(w, escape(r.anchorIds().get(a)), escape(r.anchorCategories().get(a)));
        }
      }
      try (BufferedWriter w = writer(dir.resolve("items.tsv"))) {
        for (String item : r.itemIds()) {
          line(w, escape(item));
        }
      }
      writeTable(dir.resolve("a2a.tsv"), r.anchorNeighbours(), r.anchorIds(), r.anchorIds());
      writeTable(dir.resolve("i2i.tsv"), r.itemNeighbours(), r.itemIds(), r.itemIds());
      writeTable(dir.resolve("item_anchors.tsv"), r.itemAnchors(), r.itemIds(), r.anchorIds());
      writeTable(
          dir.resolve("popular.tsv"),
          r.popularity().lists(),
          r.popularity().scenarios(),
          r.anchorIds());
      try (BufferedWriter w = writer(dir.resolve("histories.tsv"))) {
        for (UserHistory h : build.histories()) {
          for (ScoredId e : h.entries()) {
            line(
                w,
                escape(h.userId()),
                h.kind().keyName(),
                escape(e.id()),
                Double.toString(e.score()));
          }
        }
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format", Relations.FORMAT);
      manifest.put("version", r.version());
      manifest.put("dataset", r.dataset());
      manifest.put("data", r.data());
      manifest.put("window", window(r.window()));
      manifest.put("always_live", r.alwaysLive());
      manifest.put("scenarios", r.scenarios());
      manifest.put("config", config);
      manifest.put(
          "counts",
          Map.of(
              "anchors", r.anchorIds().size(),
              "items", r.itemIds().size(),
              "a2a_pairs", r.anchorNeighbours().pairCount(),
              "i2i_pairs", r.itemNeighbours().pairCount(),
              "item_anchor_pairs", r.itemAnchors().pairCount(),
              "histories", build.histories().size()));
      manifest.put("built_at", Instant.now().toString());
      JSON.writeValue(dir.resolve("relations.json").toFile(), manifest);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the relations into " + dir, e);
    }
  }

  /** The data window as the JSON of every artifact records it. */
  public static Map<String, Object> window(DataWindow window) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("start", window.start());
    json.put("holdout_start", window.holdoutStart());
    json.put("end", window.end());
    json.put("holdout_days", window.holdoutDays());
    return json;
  }

  /**
   * Reads {@code artifacts/relations/} (histories are not read: the routes read them from the
   * feature store).
   *
   * @throws IllegalArgumentException when the directory is missing or not a relations artifact
   */
  public static Relations read(Path artifacts) {
    Path dir = artifacts.resolve(DIRECTORY);
    Path manifestFile = dir.resolve("relations.json");
    if (!Files.isRegularFile(manifestFile)) {
      throw new IllegalArgumentException(
          "no relations in " + artifacts + " (missing " + manifestFile + "); run onair relations");
    }
    try {
      JsonNode m = JSON.readTree(manifestFile.toFile());
      if (!Relations.FORMAT.equals(m.path("format").asText())) {
        throw new IllegalArgumentException(
            manifestFile + ": format must be " + Relations.FORMAT + ", got " + m.path("format"));
      }
      JsonNode w = m.path("window");
      DataWindow window =
          new DataWindow(
              w.path("start").asLong(),
              w.path("end").asLong(),
              w.path("holdout_start").asLong(),
              w.path("holdout_days").asInt());
      List<String> scenarios = new ArrayList<>();
      m.path("scenarios").forEach(s -> scenarios.add(s.asText()));

      List<String> anchorIds = new ArrayList<>();
      List<String> categories = new ArrayList<>();
      for (String[] f : rows(dir.resolve("anchors.tsv"), 2)) {
        anchorIds.add(f[0]);
        categories.add(f[1]);
      }
      List<String> itemIds = new ArrayList<>();
      for (String[] f : rows(dir.resolve("items.tsv"), 1)) {
        itemIds.add(f[0]);
      }
      Map<String, Integer> anchorIndex = indexOf(anchorIds);
      Map<String, Integer> itemIndex = indexOf(itemIds);
      NeighbourTable a2a =
          readTable(dir.resolve("a2a.tsv"), anchorIds.size(), anchorIndex, anchorIndex);
      NeighbourTable i2i = readTable(dir.resolve("i2i.tsv"), itemIds.size(), itemIndex, itemIndex);
      NeighbourTable itemAnchors =
          readTable(dir.resolve("item_anchors.tsv"), itemIds.size(), itemIndex, anchorIndex);
      List<String[]> popularRows = rows(dir.resolve("popular.tsv"), 3);
      Map<String, Integer> scenarioRows = new LinkedHashMap<>();
      for (String[] f : popularRows) {
        scenarioRows.putIfAbsent(f[0], scenarioRows.size());
      }
      for (String s : scenarios) {
        scenarioRows.putIfAbsent(s, scenarioRows.size());
      }
      scenarioRows.putIfAbsent(PopularityTable.ALL_SCENARIOS, scenarioRows.size());
      NeighbourTable popular =
          table(
              popularRows,
              scenarioRows.size(),
              f -> scenarioRows.get(f[0]),
              anchorIndex,
              dir.resolve("popular.tsv"));
      return new Relations(
          m.path("version").asText(),
          m.path("dataset").asText(),
          m.path("data").asText(),
          window,
          m.path("always_live").asBoolean(),
          scenarios,
          anchorIds,
          categories,
          itemIds,
          a2a,
          i2i,
          itemAnchors,
          new PopularityTable(scenarioRows, popular));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the relations in " + dir, e);
    }
  }

  private static NeighbourTable readTable(
      Path file, int size, Map<String, Integer> rowIndex, Map<String, Integer> columnIndex)
      throws IOException {
    return table(rows(file, 3), size, f -> lookup(rowIndex, f[0], file), columnIndex, file);
  }

  private static NeighbourTable table(
      List<String[]> rows,
      int size,
      ToIntFunction<String[]> rowOf,
      Map<String, Integer> columnIndex,
      Path file) {
    int[] counts = new int[size];
    int[] rowIds = new int[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      rowIds[k] = rowOf.applyAsInt(rows.get(k));
      counts[rowIds[k]]++;
    }
    int[] offsets = new int[size + 1];
    for (int i = 0; i < size; i++) {
      offsets[i + 1] = offsets[i] + counts[i];
    }
    int[] fill = java.util.Arrays.copyOf(offsets, size);
    int[] neighbours = new int[rows.size()];
    float[] scores = new float[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      int p = fill[rowIds[k]]++;
      neighbours[p] = lookup(columnIndex, rows.get(k)[1], file);
      scores[p] = Float.parseFloat(rows.get(k)[2]);
    }
    return new NeighbourTable(offsets, neighbours, scores);
  }

  private static int lookup(Map<String, Integer> index, String id, Path file) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException(file + ": unknown id '" + id + "'");
    }
    return i;
  }

  private static Map<String, Integer> indexOf(List<String> ids) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    return index;
  }

  private static List<String[]> rows(Path file, int fields) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String[] f = line.split("\t", -1);
        if (f.length != fields) {
          throw new IllegalArgumentException(
              file + ", line " + number + ": expected " + fields + " fields, got " + f.length);
        }
        for (int k = 0; k < f.length; k++) {
          f[k] = unescape(f[k]);
        }
        rows.add(f);
      }
    }
    return rows;
  }

  private static void writeTable(
      Path file, NeighbourTable table, List<String> rowIds, List<String> columnIds)
      throws IOException {
    try (BufferedWriter w = writer(file)) {
      for (int i = 0; i < table.size(); i++) {
        for (int p = table.start(i); p < table.end(i); p++) {
          line(
              w,
              escape(rowIds.get(i)),
              escape(columnIds.get(table.neighbour(p))),
              Float.toString(table.score(p)));
        }
      }
    }
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private static void line(BufferedWriter w, String... fields) throws IOException {
    w.write(String.join("\t", fields));
    w.write('\n');
  }

  static String escape(String id) {
    if (id.indexOf('\t') < 0 && id.indexOf('\n') < 0 && id.indexOf('\\') < 0) {
      return id;
    }
    return id.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 1 < field.length()) {
        char next = field.charAt(++i);
        out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
