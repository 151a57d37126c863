package io.onair.ranking.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.onair.dataset.DataWindow;
import io.onair.dataset.artifacts.VersionedDirectory;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.ranking.eval.RankingEvaluator;
import io.onair.ranking.features.FeatureLayout;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.train.EpochReport;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import io.onair.ranking.train.TrainingRecipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a ranking model lives under {@code --artifacts}, and how it is written so that a running
 * server can pick up a new export safely.
 *
 * <p>Layout of model {@code <name>} ({@link #modelDirectory}):
 *
 * <pre>
 * ranking/&lt;name&gt;/CURRENT                      the version id being served (one line)
 * ranking/&lt;name&gt;/versions/&lt;version&gt;/saved-model    SavedModel, signature serving_default
 * ranking/&lt;name&gt;/versions/&lt;version&gt;/vocabulary.json the encoder's codes
 * ranking/&lt;name&gt;/versions/&lt;version&gt;/model-card.json the card, with its version id
 * </pre>
 *
 * <p>{@link #export} writes a new version into a hidden temporary directory, renames it to {@code
 * versions/<version>} when it is complete, then replaces {@code CURRENT} atomically (a temporary
 * file moved with {@link StandardCopyOption#ATOMIC_MOVE}): a reader sees the old version or the new
 * one, never a half-written one. It then keeps the newest {@value #KEPT_VERSIONS} versions and
 * deletes older ones, never the one {@code CURRENT} names. A version id is the export time (UTC,
 * milliseconds, so ids sort by time) and a short hash of the SavedModel and vocabulary: {@code
 * 20261129T221503.123Z-3fa9c2d1}.
 *
 * <p>Stateless. One writer per model name at a time (concurrent exports of the same name are not
 * coordinated); any number of readers.
 */
public final class ModelArtifacts {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The pointer file naming the served version. */
  public static final String CURRENT = VersionedDirectory.CURRENT;

  /** The directory holding one sub-directory per exported version. */
  public static final String VERSIONS = VersionedDirectory.VERSIONS;

  /** How many versions an export keeps (the newest ones, plus the current one). */
  public static final int KEPT_VERSIONS = 3;

  private ModelArtifacts() {}

  /** The directory of model {@code name} under {@code artifacts}. */
  public static Path modelDirectory(Path artifacts, String name) {
    requireNonNull(artifacts, "artifacts is null");
    requireNonNull(name, "name is null");
    if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "model name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    return artifacts.resolve("ranking").resolve(name);
  }

  /** The directory of one exported version of the model in {@code modelDirectory}. */
  public static Path versionDirectory(Path modelDirectory, String version) {
    return versions(modelDirectory, "ranking model").versionDirectory(version);
  }

  /**
   * The version {@code CURRENT} names in {@code modelDirectory}, or empty when nothing was exported
   * there.
   *
   * @throws IllegalArgumentException when {@code CURRENT} does not hold a version id
   */
  public static Optional<String> currentVersion(Path modelDirectory) {
    return versions(modelDirectory, "ranking model").currentVersion();
  }

  /**
   * The directory of the version {@code CURRENT} names.
   *
   * @throws IllegalArgumentException when no model was exported to {@code modelDirectory}
   */
  public static Path currentDirectory(Path modelDirectory) {
    return versions(modelDirectory, "ranking model").currentDirectory();
  }

  /** The exported versions in {@code modelDirectory}, oldest first. */
  public static List<String> versions(Path modelDirectory) {
    return versions(modelDirectory, "ranking model").versions();
  }

  private static VersionedDirectory versions(Path modelDirectory, String description) {
    return new VersionedDirectory(
        requireNonNull(modelDirectory, "modelDirectory is null"), description, KEPT_VERSIONS);
  }

  /**
   * Exports a trained model as a new version of {@code directory} (the model directory, {@link
   * #modelDirectory}), makes it the current one and deletes versions beyond the newest {@value
   * #KEPT_VERSIONS}. Returns the card, which carries the version id.
   */
  public static ModelCard export(
      Path directory,
      String name,
      String dataset,
      RankingTrainer.Outcome outcome,
      ModelConfig config,
      TrainingConfig training,
      DataWindow window,
      FeatureVocabulary vocabulary,
      FeatureLayout layout) {
    try {
      deleteLegacyLayout(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export the model to " + directory, e);
    }
    ModelCard[] card = new ModelCard[1];
    versions(directory, "ranking model")
        .publish(
            temporary -> {
              var session = outcome.ranker().session();
              org.tensorflow.SavedModelBundle.exporter(temporary.resolve("saved-model").toString())
                  .withFunction(session.function(outcome.ranker().model().servingSignature()))
                  .export();
              vocabulary.write(temporary.resolve("vocabulary.json"));
            },
            (temporary, version) -> {
              card[0] =
                  new ModelCard(
                      ModelCard.FORMAT,
                      name,
                      version,
                      config.kind().wireName(),
                      dataset,
                      RankingEvaluator.windowMap(window),
                      targets(outcome.targets()),
                      modelConfig(config, outcome.pretrained()),
                      TrainingRecipe.trainingMap(training),
                      layout.historyLength(),
                      layout.hasLiveStatistics(),
                      outcome.trainingRows(),
                      outcome.validationRows(),
                      outcome.selectedEpoch(),
                      outcome.rareIds(),
                      outcome.calibration().toMap(),
                      epochs(outcome.epochs()),
                      outcome.holdout());
              JSON.writeValue(temporary.resolve("model-card.json").toFile(), card[0]);
            });
    return card[0];
  }

  /** Removes an export written before versions existed (files directly in the model directory). */
  private static void deleteLegacyLayout(Path directory) throws IOException {
    VersionedDirectory.deleteRecursively(directory.resolve("saved-model"));
    Files.deleteIfExists(directory.resolve("vocabulary.json"));
    Files.deleteIfExists(directory.resolve("model-card.json"));
  }

  static List<Map<String, Object>> targets(TargetGraph graph) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TargetSpec spec : graph.targets()) {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("name", spec.name());
      target.put("parents", spec.parents());
      target.put("kind", spec.kind().wireName());
      out.add(target);
    }
    return out;
  }

  static TargetGraph targetGraph(List<Map<String, Object>> targets) {
    List<TargetSpec> specs = new ArrayList<>();
    for (Map<String, Object> target : targets) {
      @SuppressWarnings("unchecked")
      List<String> parents = (List<String>) target.get("parents");
      specs.add(
          new TargetSpec(
              (String) target.get("name"),
              parents,
              io.onair.dataset.manifest.TargetKind.parse((String) target.get("kind"))));
    }
    return TargetGraph.of(specs);
  }

  private static Map<String, Object> modelConfig(
      ModelConfig config, Map<String, Object> pretrained) {
    Map<String, Object> map = new LinkedHashMap<>(TrainingRecipe.modelMap(config));
    if (!pretrained.isEmpty()) {
      // the vector version this model pins: its tables are baked into the SavedModel
      map.put("pretrained_vectors", pretrained);
    }
    return map;
  }

  /** The learning curves: per epoch its figures and the train, validation and held-out reports. */
  private static List<Map<String, Object>> epochs(List<EpochReport> reports) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EpochReport report : reports) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("epoch", report.epoch());
      map.put("steps", report.steps());
      map.put("examples", report.examples());
      map.put("mean_loss", report.meanLoss());
      map.put("learning_rate_scale", report.learningRateScale());
      map.put("examples_per_second", report.examplesPerSecond());
      map.put("train", report.train() == null ? null : report.train().targets());
      map.put("validation", report.validation() == null ? null : report.validation().targets());
      map.put("holdout", report.holdout() == null ? null : report.holdout().targets());
      out.add(map);
    }
    return out;
  }

  /** Reads {@code model-card.json} of a version directory. */
  public static ModelCard readCard(Path directory) {
    Path file = directory.resolve("model-card.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no ranking model at " + directory + " (model-card.json is missing)");
    }
    try {
      return JSON.readValue(file.toFile(), ModelCard.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
