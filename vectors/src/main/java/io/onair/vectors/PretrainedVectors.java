package io.onair.vectors;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.onair.dataset.artifacts.VersionedDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pretrained recall vectors (DMR 2.0's first stage): one vector per anchor and, per modality,
 * one vector per user, in one space where the inner product scores a user against an anchor.
 *
 * <p>Layout under {@code --artifacts} (versions written by {@link VersionedDirectory}):
 *
 * <pre>
 * pretrain/CURRENT                              the current version id
 * pretrain/versions/&lt;id&gt;/card.json             format, version, window, dimension, modalities, metrics
 * pretrain/versions/&lt;id&gt;/anchors.vec           the anchor vectors
 * pretrain/versions/&lt;id&gt;/users.&lt;modality&gt;.vec  one file per modality
 * </pre>
 *
 * <p>{@link #load} reads the card and the anchor vectors at once and each modality's user vectors
 * on first use. Safe for concurrent use.
 */
public final class PretrainedVectors {
  /** The card's format tag. */
  public static final String FORMAT = "onair-pretrain/1";

  /** The directory under {@code --artifacts}. */
  public static final String DIRECTORY = "pretrain";

  /** The modalities, in the order the model and the recall routes use. */
  public static final List<String> MODALITIES =
      List.of("profile", "U2F", "U2A", "U2A2A", "U2I2A", "U2I2I2A");

  private static final int KEPT_VERSIONS = 3;
  private static final String CARD = "card.json";
  private static final String ANCHORS = "anchors.vec";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * What a pretraining run exports.
   *
   * @param window the data window it was trained on (as in the other artifacts' cards)
   * @param metrics evaluation results to keep with the vectors (may be empty)
   * @param modalities the modalities with user vectors, a subset of {@link #MODALITIES}
   * @param anchors the anchor vectors
   * @param usersByModality one user vector set per modality, each of the anchors' dimension
   */
  public record Export(
      Map<String, Object> window,
      Map<String, Object> metrics,
      List<String> modalities,
      VectorSet anchors,
      Map<String, VectorSet> usersByModality) {
    public Export {
      window = Map.copyOf(requireNonNull(window, "window is null"));
      metrics = new LinkedHashMap<>(requireNonNull(metrics, "metrics is null"));
      modalities = List.copyOf(requireNonNull(modalities, "modalities is null"));
      requireNonNull(anchors, "anchors is null");
      usersByModality = Map.copyOf(requireNonNull(usersByModality, "usersByModality is null"));
      if (modalities.isEmpty()) {
        throw new IllegalArgumentException("at least one modality is needed");
      }
      for (String modality : modalities) {
        if (!MODALITIES.contains(modality)) {
          throw new IllegalArgumentException(
              "unknown modality '" + modality + "' (known: " + MODALITIES + ")");
        }
        VectorSet users = usersByModality.get(modality);
        if (users == null) {
          throw new IllegalArgumentException("no user vectors for modality " + modality);
        }
        if (users.dimension() != anchors.dimension()) {
          throw new IllegalArgumentException(
              "modality "
                  + modality
                  + " has dimension "
                  + users.dimension()
                  + ", the anchors "
                  + anchors.dimension());
        }
      }
      if (!usersByModality.keySet().equals(new java.util.HashSet<>(modalities))) {
        throw new IllegalArgumentException(
            "user vectors for " + usersByModality.keySet() + " but modalities " + modalities);
      }
    }
  }

  /** The card written beside the vectors. */
  record Card(
      String format,
      String version,
      Map<String, Object> window,
      int dimension,
      List<String> modalities,
      int anchors,
      Map<String, Integer> users,
      Map<String, Object> metrics) {}

  private final Path directory;
  private final Card card;
  private final VectorSet anchors;
  private final Map<String, VectorSet> users = new ConcurrentHashMap<>();

  private PretrainedVectors(Path directory, Card card, VectorSet anchors) {
    this.directory = directory;
    this.card = card;
    this.anchors = anchors;
  }

  private static VersionedDirectory versions(Path artifacts) {
    return new VersionedDirectory(
        requireNonNull(artifacts, "artifacts is null").resolve(DIRECTORY),
        "pretrained vectors",
        KEPT_VERSIONS);
  }

  /** Whether {@code artifacts} holds a current version of pretrained vectors. */
  public static boolean exists(Path artifacts) {
    return Files.isRegularFile(versions(artifacts).root().resolve(VersionedDirectory.CURRENT));
  }

  /**
   * Writes {@code export} as a new version under {@code artifacts}, makes it current and keeps the
   * newest three versions. Returns the version id.
   */
  public static String write(Path artifacts, Export export) {
    requireNonNull(export, "export is null");
    VersionedDirectory versions = versions(artifacts);
    Map<String, Integer> userCounts = new LinkedHashMap<>();
    for (String modality : export.modalities()) {
      userCounts.put(modality, export.usersByModality().get(modality).size());
    }
    return versions.publish(
        directory -> {
          VectorFile.write(export.anchors(), directory.resolve(ANCHORS));
          for (String modality : export.modalities()) {
            VectorFile.write(
                export.usersByModality().get(modality), directory.resolve(userFile(modality)));
          }
        },
        (directory, version) ->
            JSON.writeValue(
                directory.resolve(CARD).toFile(),
                new Card(
                    FORMAT,
                    version,
                    export.window(),
                    export.anchors().dimension(),
                    export.modalities(),
                    export.anchors().size(),
                    userCounts,
                    export.metrics())));
  }

  /**
   * Loads the current version: its card and anchor vectors now, user vectors on first use.
   *
   * @throws IllegalArgumentException when {@code artifacts} holds no pretrained vectors or they are
   *     unreadable
   */
  public static PretrainedVectors load(Path artifacts) {
    VersionedDirectory versions = versions(artifacts);
    if (!exists(artifacts)) {
      throw new IllegalArgumentException(
          "no pretrained vectors in "
              + artifacts
              + " (run `onair pretrain --data DIR --artifacts "
              + artifacts
              + "` first)");
    }
    Path directory = versions.currentDirectory();
    Card card;
    try {
      card = JSON.readValue(directory.resolve(CARD).toFile(), Card.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + directory.resolve(CARD) + ": " + e, e);
    }
    if (!FORMAT.equals(card.format())) {
      throw new IllegalArgumentException(
          directory.resolve(CARD) + " has format '" + card.format() + "', expected " + FORMAT);
    }
    String version = directory.getFileName().toString();
    if (!version.equals(card.version())) {
      throw new IllegalArgumentException(
          directory.resolve(CARD) + " names version " + card.version() + ", not its directory's");
    }
    VectorSet anchors = readSet(directory.resolve(ANCHORS), card.dimension());
    return new PretrainedVectors(directory, card, anchors);
  }

  private static VectorSet readSet(Path file, int dimension) {
    try {
      VectorSet set = VectorFile.read(file);
      if (set.dimension() != dimension) {
        throw new IllegalArgumentException(
            file + " has dimension " + set.dimension() + ", the card says " + dimension);
      }
      return set;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(file + " is missing", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String userFile(String modality) {
    return "users." + modality + ".vec";
  }

  /** The version id (also the directory's name under {@code pretrain/versions}). */
  public String version() {
    return card.version();
  }

  public int dimension() {
    return card.dimension();
  }

  /** The modalities with user vectors, in {@link #MODALITIES} order. */
  public List<String> modalities() {
    return card.modalities();
  }

  /** The data window the vectors were trained on. */
  public Map<String, Object> window() {
    return card.window();
  }

  /** The evaluation results stored with the vectors. */
  public Map<String, Object> metrics() {
    return card.metrics() == null ? Map.of() : card.metrics();
  }

  public VectorSet anchors() {
    return anchors;
  }

  /**
   * The user vectors of {@code modality}, read on first use.
   *
   * @throws IllegalArgumentException for a modality this version does not have
   */
  public VectorSet users(String modality) {
    requireNonNull(modality, "modality is null");
    if (!card.modalities().contains(modality)) {
      throw new IllegalArgumentException(
          "pretrained vectors "
              + version()
              + " have no modality '"
              + modality
              + "' (they have "
              + card.modalities()
              + ")");
    }
    return users.computeIfAbsent(
        modality, m -> readSet(directory.resolve(userFile(m)), card.dimension()));
  }
}
