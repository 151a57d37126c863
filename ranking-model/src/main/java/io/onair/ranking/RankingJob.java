package io.onair.ranking;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.ranking.eval.EvaluationReport;
import io.onair.ranking.eval.RankingEvaluator;
import io.onair.ranking.eval.ScoringBenchmark;
import io.onair.ranking.export.ModelArtifacts;
import io.onair.ranking.export.ModelCard;
import io.onair.ranking.export.RankingModelBundle;
import io.onair.ranking.features.DatasetExamples;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.EncodedExamples;
import io.onair.ranking.features.FeatureLayout;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.graph.PretrainedTables;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import io.onair.vectors.PretrainedVectors;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The offline ranking jobs the command line runs: encode a dataset once, train and export a model,
 * evaluate an exported model on the held-out days. Stateless.
 */
public final class RankingJob {
  private RankingJob() {}

  /** A dataset encoded for ranking, with its vocabulary and time split. Immutable. */
  public record Prepared(
      Dataset dataset, FeatureVocabulary vocabulary, EncodedExamples examples, DataWindow window) {
    public Prepared {
      requireNonNull(dataset, "dataset is null");
      requireNonNull(vocabulary, "vocabulary is null");
      requireNonNull(examples, "examples is null");
      requireNonNull(window, "window is null");
    }
  }

  /**
   * Encodes every impression of {@code dataset} with its own vocabulary and the real-time anchor
   * statistics.
   */
  public static Prepared prepare(Dataset dataset, int holdoutDays, Progress progress) {
    return prepare(dataset, holdoutDays, true, progress);
  }

  /**
   * Encodes every impression of {@code dataset} with its own vocabulary; {@code liveStatistics}
   * says whether the models get the real-time anchor statistics (off to measure what they add).
   */
  public static Prepared prepare(
      Dataset dataset, int holdoutDays, boolean liveStatistics, Progress progress) {
    DataWindow window = DataWindow.of(dataset, holdoutDays);
    FeatureVocabulary vocabulary = FeatureVocabulary.of(dataset);
    FeatureLayout layout =
        FeatureLayout.of(vocabulary, FeatureLayout.DEFAULT_HISTORY_LENGTH, liveStatistics);
    EncodedExamples examples = DatasetExamples.encode(dataset, vocabulary, layout, progress);
    return new Prepared(dataset, vocabulary, examples, window);
  }

  /**
   * Trains {@code config}'s model on {@code prepared} and exports it as {@code name} under {@code
   * artifacts}; returns its card (with the last epoch's held-out evaluation).
   */
  public static ModelCard trainAndExport(
      Prepared prepared,
      String name,
      ModelConfig config,
      TrainingConfig training,
      Path artifacts,
      Progress progress,
      Consumer<String> log) {
    Path directory = ModelArtifacts.modelDirectory(artifacts, name);
    if (training.holdoutDays() != prepared.window().holdoutDays()) {
      throw new IllegalArgumentException(
          "the training config's holdout days differ from the prepared window");
    }
    Optional<PretrainedTables> pretrained = Optional.empty();
    if (config.kind().pretrained()) {
      requirePretrained(config.kind(), artifacts);
      PretrainedVectors vectors = PretrainedVectors.load(artifacts);
      PretrainedTables tables = PretrainedTables.align(vectors, prepared.vocabulary());
      if (vectors.window().get("holdout_start") instanceof Number end) {
        long firstRow = firstTrainingTimestamp(prepared, training);
        if (firstRow < end.longValue()) {
          log.accept(
              "warning: pretrained vectors "
                  + vectors.version()
                  + " were built from the events before "
                  + java.time.Instant.ofEpochSecond(end.longValue())
                  + ", which include the training rows from "
                  + java.time.Instant.ofEpochSecond(firstRow)
                  + ": the vectors have seen those rows' outcomes, so the model will lean on them"
                  + " more than on the held-out days (docs/ranking.md, match towers). Pretrain"
                  + " with more --holdout-days, or train on later rows (--max-training-rows).");
        }
      }
      log.accept(
          "pretrained vectors "
              + tables.version()
              + ": "
              + tables.modalities()
              + " x "
              + tables.dimension()
              + ", "
              + tables.knownUsers()
              + " of "
              + (tables.userRows() - 1)
              + " users, "
              + tables.knownAnchors()
              + " of "
              + (tables.anchorRows() - 1)
              + " anchors, frozen tables of "
              + (tables.summary().get("table_bytes"))
              + " bytes in the graph");
      pretrained = Optional.of(tables);
    }
    RankingTrainer.Outcome outcome =
        RankingTrainer.train(
            prepared.examples(), prepared.window(), config, pretrained, training, progress, log);
    try (var ranker = outcome.ranker()) {
      return ModelArtifacts.export(
          directory,
          name,
          prepared.dataset().manifest().name(),
          outcome,
          config,
          training,
          prepared.window(),
          prepared.vocabulary(),
          prepared.examples().layout());
    }
  }

  /** The time of the earliest row {@code training} trains on (as the trainer selects them). */
  private static long firstTrainingTimestamp(Prepared prepared, TrainingConfig training) {
    EncodedExamples examples = prepared.examples();
    List<String> scenarios = examples.scenarios();
    long[] timestamps = examples.timestamps();
    int count = 0;
    long first = Long.MAX_VALUE;
    for (int pass = 0; pass < 2; pass++) {
      int seen = 0;
      for (int r = 0; r < examples.size(); r++) {
        if (!prepared.window().isTraining(timestamps[r])
            || (!training.trainingScenarios().isEmpty()
                && !training.trainingScenarios().contains(scenarios.get(examples.scenario(r))))) {
          continue;
        }
        if (pass == 0) {
          count++;
        } else if (training.maxTrainingRows() == 0
            || seen++ >= count - training.maxTrainingRows()) {
          first = timestamps[r];
          break;
        }
      }
    }
    return first;
  }

  /**
   * Checks that a model needing pretrained vectors ({@code dmr-pretrained}) finds them under {@code
   * artifacts}; other models pass.
   *
   * @throws IllegalArgumentException naming the missing {@code pretrain/CURRENT}
   */
  public static void requirePretrained(ModelKind kind, Path artifacts) {
    if (kind.pretrained() && !PretrainedVectors.exists(artifacts)) {
      throw new IllegalArgumentException(
          "model "
              + kind.wireName()
              + " needs pretrained vectors, but "
              + artifacts.resolve(PretrainedVectors.DIRECTORY).resolve("CURRENT")
              + " is missing (run `onair pretrain --data DIR --artifacts "
              + artifacts
              + "` first)");
    }
  }

  /**
   * Evaluates the exported model {@code name} on the held-out days of {@code dataset} (the days its
   * card records), scoring through the SavedModel exactly as serving would.
   *
   * @throws IllegalArgumentException when the model was trained on another dataset
   */
  public static EvaluationReport evaluate(
      Dataset dataset, Path artifacts, String name, Progress progress) {
    return evaluate(dataset, artifacts, name, progress, 0, benchmark -> {});
  }

  /**
   * As {@link #evaluate(Dataset, Path, String, Progress)}; with {@code benchmarkCandidates > 0}
   * also measures the bare model on one request of that many held-out rows and hands the result to
   * {@code benchmarkResult}.
   */
  public static EvaluationReport evaluate(
      Dataset dataset,
      Path artifacts,
      String name,
      Progress progress,
      int benchmarkCandidates,
      Consumer<ScoringBenchmark.Result> benchmarkResult) {
    return evaluate(
        dataset, artifacts, name, List.of(), progress, benchmarkCandidates, benchmarkResult);
  }

  /**
   * As {@link #evaluate(Dataset, Path, String, Progress, int, Consumer)}, on the held-out rows of
   * {@code scenarios} only (all when empty); the report's window names them.
   *
   * @throws IllegalArgumentException for a scenario the dataset does not have, or when those
   *     scenarios have no held-out rows
   */
  public static EvaluationReport evaluate(
      Dataset dataset,
      Path artifacts,
      String name,
      List<String> scenarios,
      Progress progress,
      int benchmarkCandidates,
      Consumer<ScoringBenchmark.Result> benchmarkResult) {
    for (String scenario : scenarios) {
      if (!dataset.manifest().scenarios().contains(scenario)) {
        throw new IllegalArgumentException(
            "unknown scenario '"
                + scenario
                + "' (the dataset's: "
                + dataset.manifest().scenarios()
                + ")");
      }
    }
    Path directory = ModelArtifacts.modelDirectory(artifacts, name);
    try (RankingModelBundle bundle = RankingModelBundle.load(directory, 1)) {
      FeatureVocabulary vocabulary = bundle.vocabulary();
      if (!vocabulary.file().users().equals(dataset.users().ids())
          || !vocabulary.file().anchors().equals(dataset.anchors().ids())) {
        throw new IllegalArgumentException(
            "model '"
                + name
                + "' was trained on dataset '"
                + bundle.card().dataset()
                + "', whose users and anchors differ from "
                + dataset.manifest().name());
      }
      int holdoutDays = ((Number) bundle.card().trainingConfig().get("holdout_days")).intValue();
      DataWindow window = DataWindow.of(dataset, holdoutDays);
      EncodedExamples examples =
          DatasetExamples.encode(dataset, vocabulary, bundle.encoder().layout(), progress);
      int[] rows = RankingTrainer.holdoutRows(examples, window);
      if (rows.length == 0) {
        throw new IllegalArgumentException(
            "the model's card holds out no days: nothing to evaluate");
      }
      rows = RankingEvaluator.inScenarios(examples, rows, scenarios);
      if (rows.length == 0) {
        throw new IllegalArgumentException(
            "no held-out rows in the scenarios " + scenarios + ": nothing to evaluate");
      }
      float[][] predictions = new float[bundle.targets().size()][examples.size()];
      EncodedBatch batch = new EncodedBatch(examples.layout(), 4096);
      progress.start("scoring held-out rows", rows.length, "rows");
      for (int from = 0; from < rows.length; from += batch.capacity()) {
        int to = Math.min(rows.length, from + batch.capacity());
        batch.clear();
        for (int i = from; i < to; i++) {
          batch.copyRow(examples.features(), rows[i]);
        }
        float[][] scores = bundle.score(batch);
        for (int t = 0; t < scores.length; t++) {
          for (int i = from; i < to; i++) {
            predictions[t][rows[i]] = scores[t][i - from];
          }
        }
        progress.advance(to - from);
      }
      progress.finish("");
      if (benchmarkCandidates > 0) {
        EncodedBatch request = new EncodedBatch(examples.layout(), benchmarkCandidates);
        for (int i = 0; i < benchmarkCandidates; i++) {
          request.copyRow(examples.features(), rows[i % rows.length]);
        }
        benchmarkResult.accept(ScoringBenchmark.run(bundle, request, 200, 2000));
      }
      return RankingEvaluator.evaluate(
          name, examples, bundle.targets(), predictions, rows, window, scenarios);
    }
  }
}
