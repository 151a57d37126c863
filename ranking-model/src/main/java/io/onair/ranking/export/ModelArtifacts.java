package io.onair.ranking.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.onair.dataset.DataWindow;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.ranking.eval.RankingEvaluator;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.train.EpochReport;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a ranking model lives under {@code --artifacts}: {@code ranking/<name>/saved-model} (the
 * SavedModel with the {@code serving_default} signature), {@code vocabulary.json} (the encoder's
 * codes) and {@code model-card.json}. Writes them after training. Stateless.
 */
public final class ModelArtifacts {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

  /**
   * Exports a trained model: SavedModel, vocabulary and model card. Replaces an earlier export of
   * the same name.
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
      int historyLength) {
    try {
      deleteRecursively(directory);
      Files.createDirectories(directory);
      var session = outcome.ranker().session();
      org.tensorflow.SavedModelBundle.exporter(directory.resolve("saved-model").toString())
          .withFunction(session.function(outcome.ranker().model().servingSignature()))
          .export();
      vocabulary.write(directory.resolve("vocabulary.json"));
      ModelCard card =
          new ModelCard(
              ModelCard.FORMAT,
              name,
              config.kind().wireName(),
              dataset,
              RankingEvaluator.windowMap(window),
              targets(outcome.targets()),
              modelConfig(config),
              trainingConfig(training),
              historyLength,
              outcome.trainingRows(),
              epochs(outcome.epochs()),
              outcome.epochs().isEmpty()
                  ? null
                  : outcome.epochs().get(outcome.epochs().size() - 1).holdout());
      JSON.writeValue(directory.resolve("model-card.json").toFile(), card);
      return card;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export the model to " + directory, e);
    }
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

  private static Map<String, Object> modelConfig(ModelConfig config) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", config.kind().wireName());
    map.put("loss_weights", config.lossWeights());
    map.put("embedding_dimension", config.embeddingDimension());
    map.put("bottom_units", config.bottomUnits());
    map.put("tower_units", config.towerUnits());
    map.put("relation_units", config.relationUnits());
    map.put("experts", config.experts());
    map.put("expert_units", config.expertUnits());
    map.put("learning_rate", config.learningRate());
    map.put("embedding_learning_rate", config.embeddingLearningRate());
    map.put("seed", config.seed());
    return map;
  }

  private static Map<String, Object> trainingConfig(TrainingConfig training) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("epochs", training.epochs());
    map.put("batch_size", training.batchSize());
    map.put("holdout_days", training.holdoutDays());
    map.put("training_scenarios", training.trainingScenarios());
    map.put("max_training_rows", training.maxTrainingRows());
    map.put("intra_op_threads", training.intraOpThreads());
    map.put("seed", training.seed());
    return map;
  }

  private static List<Map<String, Object>> epochs(List<EpochReport> reports) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EpochReport report : reports) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("epoch", report.epoch());
      map.put("steps", report.steps());
      map.put("examples", report.examples());
      map.put("mean_loss", report.meanLoss());
      map.put("examples_per_second", report.examplesPerSecond());
      out.add(map);
    }
    return out;
  }

  /** Reads {@code model-card.json} of a model directory. */
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

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
