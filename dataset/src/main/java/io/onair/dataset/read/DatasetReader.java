package io.onair.dataset.read;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.Dataset;
import io.onair.dataset.DatasetException;
import io.onair.dataset.ItemAction;
import io.onair.dataset.LiveSchedule;
import io.onair.dataset.columnar.ByteColumn;
import io.onair.dataset.columnar.FeatureColumn;
import io.onair.dataset.columnar.FloatColumn;
import io.onair.dataset.columnar.IdDictionary;
import io.onair.dataset.columnar.IntColumn;
import io.onair.dataset.columnar.LongColumn;
import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.manifest.FeatureSpec;
import io.onair.dataset.manifest.ManifestCodec;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.write.DatasetWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one reader of {@code onair-dataset/1}: streams each CSV file into the columnar {@link
 * Dataset}, checking every row. Bad input fails with the file, line and reason; nothing is skipped.
 * Memory holds only the columnar form (primitive arrays and id dictionaries), never the text.
 */
public final class DatasetReader {
  private static final long PROGRESS_STEP = 100_000;

  private DatasetReader() {}

  public static Dataset read(Path directory) {
    return read(directory, Progress.NONE);
  }

  public static Dataset read(Path directory, Progress progress) {
    requireNonNull(directory, "directory is null");
    requireNonNull(progress, "progress is null");
    if (!Files.isDirectory(directory)) {
      throw new DatasetException(directory.toString(), "not a directory");
    }
    DatasetManifest manifest = ManifestCodec.read(directory);
    TargetGraph targets = manifest.targetGraph();
    IdDictionary categories = new IdDictionary();

    IdDictionary users = new IdDictionary();
    List<FeatureColumn> userFeatures =
        readEntities(directory, DatasetFile.USERS, manifest, users, null, null, progress);

    IdDictionary anchors = new IdDictionary();
    IntColumn anchorCategory = new IntColumn();
    List<FeatureColumn> anchorFeatures =
        readEntities(
            directory,
            DatasetFile.ANCHORS,
            manifest,
            anchors,
            categories,
            anchorCategory,
            progress);

    IdDictionary items = new IdDictionary();
    IntColumn itemCategory = new IntColumn();
    FloatColumn itemPrice = new FloatColumn();
    List<FeatureColumn> itemFeatures =
        readItems(directory, manifest, items, categories, itemCategory, itemPrice, progress);

    Dataset.AnchorItems anchorItems = readAnchorItems(directory, anchors, items, progress);
    Optional<LiveSchedule> schedule = readLiveSessions(directory, anchors, progress);
    Dataset.Follows follows = readFollows(directory, users, anchors, progress);
    Dataset.ItemEvents itemEvents = readItemEvents(directory, users, items, progress);
    Dataset.Impressions impressions =
        readImpressions(directory, manifest, targets, users, anchors, progress);
    TruthFile truth = readTruth(directory, manifest, impressions.size(), progress);

    return new Dataset(
        directory,
        manifest,
        targets,
        users,
        anchors,
        items,
        categories,
        userFeatures,
        anchorFeatures,
        itemFeatures,
        anchorCategory.toArray(),
        itemCategory.toArray(),
        itemPrice.toArray(),
        anchorItems,
        schedule,
        follows,
        itemEvents,
        impressions,
        truth.byTarget(),
        truth.referInterest());
  }

  /** What truth/impressions.csv held: per binary target, and the optional refer interest. */
  private record TruthFile(
      Optional<float[][]> byTarget, Optional<Dataset.ReferInterest> referInterest) {
    static final TruthFile NONE = new TruthFile(Optional.empty(), Optional.empty());
  }

  private static Path require(Path directory, DatasetFile file) {
    Path path = directory.resolve(file.fileName());
    if (!Files.isRegularFile(path)) {
      throw new DatasetException(file.fileName(), "missing: every onair-dataset/1 needs this file");
    }
    return path;
  }

  /** users.csv or anchors.csv: an id column, an optional category, declared features. */
  private static List<FeatureColumn> readEntities(
      Path directory,
      DatasetFile file,
      DatasetManifest manifest,
      IdDictionary ids,
      IdDictionary categories,
      IntColumn category,
      Progress progress) {
    List<FeatureSpec> specs = manifest.featuresOf(file);
    List<String> names = specs.stream().map(FeatureSpec::name).toList();
    Set<String> columns = TableReader.columns(file, names);
    String idColumn = file.requiredColumns().get(0);
    progress.start("reading " + file.fileName(), -1, "rows");
    try (TableReader table =
        new TableReader(require(directory, file), file.fileName(), columns, columns)) {
      FeatureBuilder features = new FeatureBuilder(specs, table);
      int idAt = table.column(idColumn);
      int categoryAt = table.column("category");
      long rows = 0;
      while (table.next()) {
        String id = table.id(idAt, idColumn);
        if (ids.contains(id)) {
          throw table.fail(idColumn + " '" + id + "' appears twice");
        }
        ids.intern(id);
        if (category != null) {
          category.add(categories.intern(table.id(categoryAt, "category")));
        }
        features.addRow();
        if (++rows % PROGRESS_STEP == 0) {
          progress.advance(PROGRESS_STEP);
        }
      }
      progress.finish(String.format(java.util.Locale.ROOT, "%,d rows", ids.size()));
      return features.build();
    }
  }

  private static List<FeatureColumn> readItems(
      Path directory,
      DatasetManifest manifest,
      IdDictionary items,
      IdDictionary categories,
      IntColumn category,
      FloatColumn price,
      Progress progress) {
    DatasetFile file = DatasetFile.ITEMS;
    List<FeatureSpec> specs = manifest.featuresOf(file);
    Set<String> columns = TableReader.columns(file, specs.stream().map(FeatureSpec::name).toList());
    progress.start("reading " + file.fileName(), -1, "rows");
    try (TableReader table =
        new TableReader(require(directory, file), file.fileName(), columns, columns)) {
      FeatureBuilder features = new FeatureBuilder(specs, table);
      int idAt = table.column("item_id");
      int categoryAt = table.column("category");
      int priceAt = table.column("price");
      while (table.next()) {
        String id = table.id(idAt, "item_id");
        if (items.contains(id)) {
          throw table.fail("item_id '" + id + "' appears twice");
        }
        items.intern(id);
        category.add(categories.intern(table.id(categoryAt, "category")));
        float p = table.number(priceAt, "price", false);
        if (p < 0) {
          throw table.fail(
              "column 'price' must not be negative, got '" + table.text(priceAt) + "'");
        }
        price.add(p);
        features.addRow();
      }
      progress.finish(String.format(java.util.Locale.ROOT, "%,d rows", items.size()));
      return features.build();
    }
  }

  private static Dataset.AnchorItems readAnchorItems(
      Path directory, IdDictionary anchors, IdDictionary items, Progress progress) {
    DatasetFile file = DatasetFile.ANCHOR_ITEMS;
    Set<String> required = TableReader.columns(file, List.of());
    Set<String> allowed = TableReader.columns(file, file.optionalColumns());
    IntColumn anchor = new IntColumn();
    IntColumn item = new IntColumn();
    LongColumn start = new LongColumn();
    LongColumn end = new LongColumn();
    progress.start("reading " + file.fileName(), -1, "rows");
    try (TableReader table =
        new TableReader(require(directory, file), file.fileName(), required, allowed)) {
      int anchorAt = table.column("anchor_id");
      int itemAt = table.column("item_id");
      int startAt = table.column("start_ts");
      int endAt = table.column("end_ts");
      while (table.next()) {
        anchor.add(known(table, anchorAt, anchors, "anchor_id", "anchors.csv"));
        item.add(known(table, itemAt, items, "item_id", "items.csv"));
        long s =
            startAt < 0 || table.text(startAt).isEmpty()
                ? Long.MIN_VALUE
                : table.epochSeconds(startAt, "start_ts");
        long e =
            endAt < 0 || table.text(endAt).isEmpty()
                ? Long.MAX_VALUE
                : table.epochSeconds(endAt, "end_ts");
        if (e <= s) {
          throw table.fail("end_ts must be after start_ts");
        }
        start.add(s);
        end.add(e);
        advance(progress, anchor.size());
      }
      progress.finish(String.format(java.util.Locale.ROOT, "%,d rows", anchor.size()));
    }
    return new Dataset.AnchorItems(
        anchor.toArray(), item.toArray(), start.toArray(), end.toArray());
  }

  private static Optional<LiveSchedule> readLiveSessions(
      Path directory, IdDictionary anchors, Progress progress) {
    DatasetFile file = DatasetFile.LIVE_SESSIONS;
    Path path = directory.resolve(file.fileName());
    if (!Files.exists(path)) {
      return Optional.empty(); // the format: an absent file means every anchor is always live
    }
    Set<String> columns = TableReader.columns(file, List.of());
    IntColumn anchor = new IntColumn();
    LongColumn start = new LongColumn();
    LongColumn end = new LongColumn();
    progress.start("reading " + file.fileName(), -1, "rows");
    try (TableReader table = new TableReader(path, file.fileName(), columns, columns)) {
      int anchorAt = table.column("anchor_id");
      int startAt = table.column("start_ts");
      int endAt = table.column("end_ts");
      while (table.next()) {
        anchor.add(known(table, anchorAt, anchors, "anchor_id", "anchors.csv"));
        long s = table.epochSeconds(startAt, "start_ts");
        long e = table.epochSeconds(endAt, "end_ts");
        if (e <= s) {
          throw table.fail("end_ts must be after start_ts");
        }
        start.add(s);
        end.add(e);
        advance(progress, anchor.size());
      }
      progress.finish(String.format(java.util.Locale.ROOT, "%,d sessions", anchor.size()));
    }
    return Optional.of(
        new LiveSchedule(anchors.size(), anchor.toArray(), start.toArray(), end.toArray()));
  }

  private static Dataset.Follows readFollows(
      Path directory, IdDictionary users, IdDictionary anchors, Progress progress) {
    DatasetFile file = DatasetFile.FOLLOWS;
    Set<String> columns = TableReader.columns(file, List.of());
    IntColumn user = new IntColumn();
    IntColumn anchor = new IntColumn();
    LongColumn ts = new LongColumn();
    progress.start("reading " + file.fileName(), -1, "rows");
    try (TableReader table =
        new TableReader(require(directory, file), file.fileName(), columns, columns)) {
      int userAt = table.column("user_id");
      int anchorAt = table.column("anchor_id");
      int tsAt = table.column("ts");
      while (table.next()) {
        user.add(known(table, userAt, users, "user_id", "users.csv"));
        anchor.add(known(table, anchorAt, anchors, "anchor_id", "anchors.csv"));
        ts.add(table.epochSeconds(tsAt, "ts"));
        advance(progress, user.size());
      }
      progress.finish(String.format(java.util.Locale.ROOT, "%,d rows", user.size()));
    }
    return new Dataset.Follows(user.toArray(), anchor.toArray(), ts.toArray());
  }

  private static Dataset.ItemEvents readItemEvents(
      Path directory, IdDictionary users, IdDictionary items, Progress progress) {
    DatasetFile file = DatasetFile.ITEM_EVENTS;
    Set<String> columns = TableReader.columns(file, List.of());
    IntColumn user = new IntColumn();
    IntColumn item = new IntColumn();
    ByteColumn action = new ByteColumn();
    LongColumn ts = new LongColumn();
    progress.start("reading " + file.fileName(), -1, "rows");
    try (TableReader table =
        new TableReader(require(directory, file), file.fileName(), columns, columns)) {
      int userAt = table.column("user_id");
      int itemAt = table.column("item_id");
      int actionAt = table.column("action");
      int tsAt = table.column("ts");
      while (table.next()) {
        user.add(known(table, userAt, users, "user_id", "users.csv"));
        item.add(known(table, itemAt, items, "item_id", "items.csv"));
        String text = table.text(actionAt);
        ItemAction parsed = ItemAction.parse(text);
        if (parsed == null) {
          throw table.fail(
              "column 'action' must be one of click, collect, cart, buy, got '" + text + "'");
        }
        action.add((byte) parsed.ordinal());
        ts.add(table.epochSeconds(tsAt, "ts"));
        advance(progress, user.size());
      }
      progress.finish(String.format(java.util.Locale.ROOT, "%,d rows", user.size()));
    }
    return new Dataset.ItemEvents(user.toArray(), item.toArray(), action.toArray(), ts.toArray());
  }

  private static Dataset.Impressions readImpressions(
      Path directory,
      DatasetManifest manifest,
      TargetGraph targets,
      IdDictionary users,
      IdDictionary anchors,
      Progress progress) {
    DatasetFile file = DatasetFile.IMPRESSIONS;
    Set<String> required = TableReader.columns(file, targets.names());
    Set<String> allowed = TableReader.columns(file, file.optionalColumns());
    allowed.addAll(targets.names());
    LongColumn ts = new LongColumn();
    IntColumn user = new IntColumn();
    IntColumn anchor = new IntColumn();
    ByteColumn scenario = new ByteColumn();
    IntColumn refer = new IntColumn();
    IntColumn position = new IntColumn();
    LongColumn request = new LongColumn();
    int targetCount = targets.size();
    FloatColumn[] labels = new FloatColumn[targetCount];
    for (int t = 0; t < targetCount; t++) {
      labels[t] = new FloatColumn();
    }
    progress.start("reading " + file.fileName(), -1, "rows");
    try (TableReader table =
        new TableReader(require(directory, file), file.fileName(), required, allowed)) {
      int tsAt = table.column("ts");
      int userAt = table.column("user_id");
      int anchorAt = table.column("anchor_id");
      int scenarioAt = table.column("scenario");
      int referAt = table.column("refer_anchor_id");
      int positionAt = table.column("position");
      int requestAt = table.column("request_id");
      int[] labelAt = new int[targetCount];
      boolean[] binary = new boolean[targetCount];
      for (int t = 0; t < targetCount; t++) {
        TargetSpec spec = targets.target(t);
        labelAt[t] = table.column(spec.name());
        binary[t] = spec.kind() == TargetKind.BINARY;
      }
      while (table.next()) {
        ts.add(table.epochSeconds(tsAt, "ts"));
        user.add(known(table, userAt, users, "user_id", "users.csv"));
        anchor.add(known(table, anchorAt, anchors, "anchor_id", "anchors.csv"));
        String scenarioText = table.text(scenarioAt);
        int s = manifest.scenarioIndex(scenarioText);
        if (s < 0) {
          throw table.fail(
              "scenario '"
                  + scenarioText
                  + "' is not declared in manifest.json (declared: "
                  + String.join(", ", manifest.scenarios())
                  + ")");
        }
        scenario.add((byte) s);
        String referText = table.text(referAt);
        refer.add(
            referText.isEmpty()
                ? -1
                : known(table, referAt, anchors, "refer_anchor_id", "anchors.csv"));
        position.add(table.nonNegativeInt(positionAt, "position"));
        if (requestAt >= 0 && !table.text(requestAt).isEmpty()) {
          request.add(requestHash(table.text(requestAt)));
        } else {
          request.add(0L);
        }
        for (int t = 0; t < targetCount; t++) {
          labels[t].add(label(table, labelAt[t], targets.name(t), binary[t]));
        }
        advance(progress, ts.size());
      }
      progress.finish(String.format(java.util.Locale.ROOT, "%,d rows", ts.size()));
    }
    float[][] labelArrays = new float[targetCount][];
    for (int t = 0; t < targetCount; t++) {
      labelArrays[t] = labels[t].toArray();
    }
    return new Dataset.Impressions(
        ts.toArray(),
        user.toArray(),
        anchor.toArray(),
        scenario.toArray(),
        refer.toArray(),
        position.toArray(),
        request.toArray(),
        labelArrays);
  }

  /** FNV-1a over the UTF-16 units, then a final mix; never 0, which marks "no request id". */
  static long requestHash(String requestId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < requestId.length(); i++) {
      h ^= requestId.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  private static float label(TableReader table, int column, String target, boolean binary) {
    String text = table.text(column);
    if (binary) {
      if (text.equals("0")) {
        return 0f;
      }
      if (text.equals("1")) {
        return 1f;
      }
      throw table.fail(
          "column '" + target + "': a binary label must be 0 or 1, got '" + text + "'");
    }
    float value = table.number(column, target, false);
    if (value < 0) {
      throw table.fail(
          "column '" + target + "': a numeric label must not be negative, got '" + text + "'");
    }
    return value;
  }

  private static TruthFile readTruth(
      Path directory, DatasetManifest manifest, int impressionCount, Progress progress) {
    Path path =
        directory.resolve(DatasetWriter.TRUTH_DIRECTORY).resolve(DatasetWriter.TRUTH_IMPRESSIONS);
    if (!Files.exists(path)) {
      return TruthFile.NONE;
    }
    String fileName = DatasetWriter.TRUTH_DIRECTORY + "/" + DatasetWriter.TRUTH_IMPRESSIONS;
    List<String> header = DatasetWriter.truthHeader(manifest);
    Set<String> required = new java.util.LinkedHashSet<>(header);
    Set<String> allowed = new java.util.LinkedHashSet<>(DatasetWriter.truthHeader(manifest, true));
    FloatColumn[] values = new FloatColumn[header.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = new FloatColumn();
    }
    FloatColumn referProbability = new FloatColumn();
    ByteColumn referLiked = new ByteColumn();
    progress.start("reading " + fileName, impressionCount, "rows");
    long rows = 0;
    boolean withReferInterest;
    try (TableReader table = new TableReader(path, fileName, required, allowed)) {
      int[] at = new int[header.size()];
      for (int i = 0; i < at.length; i++) {
        at[i] = table.column(header.get(i));
      }
      int probabilityAt = table.column(DatasetWriter.TRUTH_P_REFER_LIKED);
      int likedAt = table.column(DatasetWriter.TRUTH_REFER_LIKED);
      if ((probabilityAt < 0) != (likedAt < 0)) {
        throw table.fail(
            "columns '"
                + DatasetWriter.TRUTH_P_REFER_LIKED
                + "' and '"
                + DatasetWriter.TRUTH_REFER_LIKED
                + "' go together: give both or neither");
      }
      withReferInterest = likedAt >= 0;
      while (table.next()) {
        rows++;
        if (rows > impressionCount) {
          throw table.fail("more rows than impressions.csv (" + impressionCount + ")");
        }
        for (int i = 0; i < at.length; i++) {
          values[i].add(probability(table, at[i], header.get(i), false));
        }
        if (withReferInterest) {
          readReferInterest(table, probabilityAt, likedAt, referProbability, referLiked);
        }
        if (rows % PROGRESS_STEP == 0) {
          progress.advance(PROGRESS_STEP);
        }
      }
    }
    if (rows != impressionCount) {
      throw new DatasetException(
          fileName,
          "has "
              + rows
              + " rows, impressions.csv has "
              + impressionCount
              + " (they must align row by row)");
    }
    progress.finish("");
    // Index truth by target in graph order; non-binary targets have no truth (null).
    TargetGraph graph = manifest.targetGraph();
    float[][] byTarget = new float[graph.size()][];
    for (int i = 0; i < header.size(); i++) {
      byTarget[graph.indexOf(header.get(i).substring(2))] = values[i].toArray();
    }
    Optional<Dataset.ReferInterest> referInterest =
        withReferInterest
            ? Optional.of(
                new Dataset.ReferInterest(referLiked.toArray(), referProbability.toArray()))
            : Optional.empty();
    return new TruthFile(Optional.of(byTarget), referInterest);
  }

  /** A probability in [0, 1]; NaN for an empty cell when {@code optional}. */
  private static float probability(TableReader table, int column, String name, boolean optional) {
    float p = table.number(column, name, optional);
    if (p < 0 || p > 1) {
      throw table.fail(
          "column '"
              + name
              + "' must be a probability in [0, 1], got '"
              + table.text(column)
              + "'");
    }
    return p;
  }

  /** refer_liked 0/1 with its probability, or both empty (a row without a refer room). */
  private static void readReferInterest(
      TableReader table,
      int probabilityAt,
      int likedAt,
      FloatColumn probabilities,
      ByteColumn liked) {
    String likedText = table.text(likedAt);
    float p = probability(table, probabilityAt, DatasetWriter.TRUTH_P_REFER_LIKED, true);
    if (likedText.isEmpty() != Float.isNaN(p)) {
      throw table.fail(
          "columns '"
              + DatasetWriter.TRUTH_P_REFER_LIKED
              + "' and '"
              + DatasetWriter.TRUTH_REFER_LIKED
              + "' must both be empty (no refer room) or both set");
    }
    byte value;
    switch (likedText) {
      case "" -> value = -1;
      case "0" -> value = 0;
      case "1" -> value = 1;
      default ->
          throw table.fail(
              "column '"
                  + DatasetWriter.TRUTH_REFER_LIKED
                  + "' must be 0, 1 or empty, got '"
                  + likedText
                  + "'");
    }
    liked.add(value);
    probabilities.add(p);
  }

  private static int known(
      TableReader table, int column, IdDictionary ids, String name, String definingFile) {
    String id = table.text(column);
    if (id.isEmpty()) {
      throw table.fail("empty " + name);
    }
    int index = ids.indexOf(id);
    if (index < 0) {
      throw table.fail(name + " '" + id + "' is unknown: it is not in " + definingFile);
    }
    return index;
  }

  private static void advance(Progress progress, int rows) {
    if (rows % PROGRESS_STEP == 0) {
      progress.advance(PROGRESS_STEP);
    }
  }

  /** Builds the declared feature columns of one entity file, row by row. */
  private static final class FeatureBuilder {
    private final List<FeatureSpec> specs;
    private final TableReader table;
    private final int[] columnAt;
    private final Object[] builders;
    private final IdDictionary[] vocabularies;

    FeatureBuilder(List<FeatureSpec> specs, TableReader table) {
      this.specs = specs;
      this.table = table;
      this.columnAt = new int[specs.size()];
      this.builders = new Object[specs.size()];
      this.vocabularies = new IdDictionary[specs.size()];
      for (int i = 0; i < specs.size(); i++) {
        FeatureSpec spec = specs.get(i);
        columnAt[i] = table.column(spec.name());
        vocabularies[i] = new IdDictionary();
        builders[i] =
            switch (spec.type()) {
              case CATEGORICAL -> new IntColumn();
              case NUMERIC -> new FloatColumn();
              case LIST -> new IntColumn[] {new IntColumn(), new IntColumn()};
            };
        if (spec.type() == io.onair.dataset.manifest.FeatureType.LIST) {
          ((IntColumn[]) builders[i])[0].add(0);
        }
      }
    }

    void addRow() {
      for (int i = 0; i < specs.size(); i++) {
        FeatureSpec spec = specs.get(i);
        String text = table.text(columnAt[i]);
        switch (spec.type()) {
          case CATEGORICAL ->
              ((IntColumn) builders[i]).add(text.isEmpty() ? -1 : vocabularies[i].intern(text));
          case NUMERIC ->
              ((FloatColumn) builders[i]).add(table.number(columnAt[i], spec.name(), true));
          case LIST -> {
            IntColumn[] list = (IntColumn[]) builders[i];
            if (!text.isEmpty()) {
              for (String token : text.split("\\|", -1)) {
                if (token.isEmpty()) {
                  throw table.fail(
                      "column '" + spec.name() + "': empty token in list '" + text + "'");
                }
                list[1].add(vocabularies[i].intern(token));
              }
            }
            list[0].add(list[1].size());
          }
        }
      }
    }

    List<FeatureColumn> build() {
      List<FeatureColumn> columns = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        FeatureSpec spec = specs.get(i);
        columns.add(
            switch (spec.type()) {
              case CATEGORICAL ->
                  new FeatureColumn.Categorical(
                      spec.name(), vocabularies[i], ((IntColumn) builders[i]).toArray());
              case NUMERIC ->
                  new FeatureColumn.Numeric(spec.name(), ((FloatColumn) builders[i]).toArray());
              case LIST -> {
                IntColumn[] list = (IntColumn[]) builders[i];
                yield new FeatureColumn.TokenList(
                    spec.name(), vocabularies[i], list[0].toArray(), list[1].toArray());
              }
            });
      }
      return columns;
    }
  }
}
