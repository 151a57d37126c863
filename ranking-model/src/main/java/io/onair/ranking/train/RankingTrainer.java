package io.onair.ranking.train;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.progress.Progress;
import io.onair.ranking.eval.EvaluationReport;
import io.onair.ranking.eval.RankingEvaluator;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.EncodedExamples;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.graph.PretrainedTables;
import io.onair.ranking.graph.RankingGraph;
import io.onair.ranking.graph.RankingGraphBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains a ranking model on encoded examples: builds the graph (so a bad configuration fails before
 * any step), shuffles the training rows each epoch (for {@code dbmtl-multiscenario}: batches of one
 * scenario each, the scenarios alternating in proportion to their rows), reports step, examples/s,
 * loss and ETA, and evaluates on the held-out rows after every epoch. Stateless; one call per
 * model.
 */
public final class RankingTrainer {
  /** Rows per scoring call during evaluation. */
  static final int SCORING_BATCH = 4096;

  private RankingTrainer() {}

  /**
   * What a training run produced: the model (close it), the per-epoch reports and, for {@code
   * dmr-pretrained}, the summary of the pretrained tables baked into it (their version first; empty
   * for the other models).
   */
  public record Outcome(
      TrainedRanker ranker,
      TargetGraph targets,
      List<EpochReport> epochs,
      int trainingRows,
      Map<String, Object> pretrained) {
    public Outcome {
      pretrained = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pretrained));
    }
  }

  /**
   * Trains {@code config}'s model.
   *
   * @param log receives one line per progress report and per epoch
   * @throws IllegalArgumentException for a bad model configuration or training scenario, before
   *     training starts
   */
  public static Outcome train(
      EncodedExamples examples,
      DataWindow window,
      ModelConfig config,
      TrainingConfig training,
      Progress progress,
      Consumer<String> log) {
    return train(examples, window, config, Optional.empty(), training, progress, log);
  }

  /**
   * Trains {@code config}'s model; {@code pretrained} are the tables {@code dmr-pretrained} bakes
   * into its graph (aligned with the examples' encoder; ignored by the other models).
   *
   * @throws IllegalArgumentException for a bad model configuration or training scenario, or {@code
   *     dmr-pretrained} without pretrained tables, before training starts
   */
  public static Outcome train(
      EncodedExamples examples,
      DataWindow window,
      ModelConfig config,
      Optional<PretrainedTables> pretrained,
      TrainingConfig training,
      Progress progress,
      Consumer<String> log) {
    requireNonNull(pretrained, "pretrained is null");
    requireNonNull(examples, "examples is null");
    requireNonNull(window, "window is null");
    requireNonNull(config, "config is null");
    requireNonNull(training, "training is null");
    requireNonNull(progress, "progress is null");
    requireNonNull(log, "log is null");
    TargetGraph targets = config.resolveTargets(examples.targets());
    boolean[] scenarioAllowed = allowedScenarios(examples, training);
    int[] trainRows = trainingRows(examples, window, scenarioAllowed, training.maxTrainingRows());
    int[] holdoutRows = holdoutRows(examples, window);
    if (trainRows.length == 0) {
      throw new IllegalArgumentException(
          "no training rows before the held-out days for the chosen scenarios");
    }
    int[] labelColumns = new int[targets.size()];
    for (int t = 0; t < labelColumns.length; t++) {
      labelColumns[t] = examples.targets().indexOf(targets.name(t));
    }
    Graph graph = new Graph();
    Session session = null;
    try {
      RankingGraph model =
          RankingGraphBuilder.build(
              graph, config, targets, examples.layout(), examples.scenarios().size(), pretrained);
      ConfigProto sessionConfig =
          ConfigProto.newBuilder()
              .setIntraOpParallelismThreads(training.intraOpThreads())
              .setInterOpParallelismThreads(1)
              .build();
      session = new Session(graph, sessionConfig);
      TrainedRanker ranker = new TrainedRanker(graph, session, model);
      session.initialize();
      List<EpochReport> reports = new ArrayList<>();
      SplittableRandom random = new SplittableRandom(training.seed());
      EncodedBatch batch = new EncodedBatch(examples.layout(), training.batchSize());
      float[] labelBuffer = new float[training.batchSize() * targets.size()];
      for (int epoch = 1; epoch <= training.epochs(); epoch++) {
        List<int[]> batches =
            config.kind() == ModelKind.DBMTL_MULTISCENARIO
                ? scenarioBatches(examples, trainRows, training.batchSize(), random)
                : mixedBatches(trainRows, training.batchSize(), random);
        long start = System.nanoTime();
        double lossSum = 0;
        long examplesSeen = 0;
        progress.start("epoch " + epoch + "/" + training.epochs(), trainRows.length, "examples");
        int reportEvery = Math.max(1, batches.size() / 10);
        for (int step = 0; step < batches.size(); step++) {
          int[] rows = batches.get(step);
          batch.clear();
          for (int i = 0; i < rows.length; i++) {
            batch.copyRow(examples.features(), rows[i]);
            for (int t = 0; t < labelColumns.length; t++) {
              labelBuffer[i * labelColumns.length + t] =
                  examples.labels()[labelColumns[t]][rows[i]];
            }
          }
          float loss = step(session, model, batch, labelBuffer, labelColumns.length);
          if (!Float.isFinite(loss)) {
            throw new IllegalStateException(
                "the loss diverged at epoch " + epoch + ", step " + step + ": " + loss);
          }
          lossSum += loss * rows.length;
          examplesSeen += rows.length;
          progress.advance(rows.length);
          if ((step + 1) % reportEvery == 0 || step == batches.size() - 1) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = examplesSeen / Math.max(seconds, 1e-9);
            double eta = (trainRows.length - examplesSeen) / Math.max(rate, 1e-9);
            log.accept(
                String.format(
                    "epoch %d/%d step %d/%d  %,.0f examples/s  loss %.4f  ETA %.0fs",
                    epoch,
                    training.epochs(),
                    step + 1,
                    batches.size(),
                    rate,
                    lossSum / examplesSeen,
                    eta));
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.finish(String.format("mean loss %.4f", lossSum / examplesSeen));
        EvaluationReport holdout = null;
        if (holdoutRows.length > 0) {
          float[][] predictions = predict(ranker, examples, holdoutRows);
          holdout =
              RankingEvaluator.evaluate(
                  config.kind().wireName(), examples, targets, predictions, holdoutRows, window);
          log.accept("held-out after epoch " + epoch + ":\n" + holdout.render());
        }
        reports.add(
            new EpochReport(
                epoch,
                batches.size(),
                examplesSeen,
                lossSum / examplesSeen,
                examplesSeen / seconds,
                holdout));
      }
      Map<String, Object> pretrainedSummary =
          config.kind().pretrained()
              ? pretrained.map(PretrainedTables::summary).orElse(Map.of())
              : Map.of();
      return new Outcome(ranker, targets, reports, trainRows.length, pretrainedSummary);
    } catch (RuntimeException | Error e) {
      if (session != null) {
        session.close();
      }
      graph.close();
      throw e;
    }
  }

  private static float step(
      Session session, RankingGraph model, EncodedBatch batch, float[] labels, int targets) {
    int rows = batch.rows();
    try (TInt32 ids = batch.idsTensor();
        TFloat32 numeric = batch.numericTensor();
        TInt32 scenario = batch.scenarioTensor();
        TFloat32 labelTensor =
            TFloat32.tensorOf(
                Shape.of(rows, targets),
                DataBuffers.of(labels, true, false).narrow((long) rows * targets));
        Result result =
            session
                .runner()
                .feed(model.ids(), ids)
                .feed(model.numeric(), numeric)
                .feed(model.scenario(), scenario)
                .feed(model.labels(), labelTensor)
                .addTarget(model.trainStep())
                .fetch(model.loss())
                .run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  /** Scores {@code rows} of {@code examples}; one array per target, indexed by example row. */
  public static float[][] predict(TrainedRanker ranker, EncodedExamples examples, int[] rows) {
    int targets = ranker.model().predictions().size();
    float[][] out = new float[targets][examples.size()];
    EncodedBatch batch = new EncodedBatch(examples.layout(), SCORING_BATCH);
    for (int from = 0; from < rows.length; from += SCORING_BATCH) {
      int to = Math.min(rows.length, from + SCORING_BATCH);
      batch.clear();
      for (int i = from; i < to; i++) {
        batch.copyRow(examples.features(), rows[i]);
      }
      float[][] scores = ranker.predict(batch);
      for (int t = 0; t < targets; t++) {
        for (int i = from; i < to; i++) {
          out[t][rows[i]] = scores[t][i - from];
        }
      }
    }
    return out;
  }

  private static boolean[] allowedScenarios(EncodedExamples examples, TrainingConfig training) {
    boolean[] allowed = new boolean[examples.scenarios().size()];
    if (training.trainingScenarios().isEmpty()) {
      java.util.Arrays.fill(allowed, true);
      return allowed;
    }
    for (String name : training.trainingScenarios()) {
      int index = examples.scenarios().indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException(
            "unknown training scenario '"
                + name
                + "' (the dataset's: "
                + examples.scenarios()
                + ")");
      }
      allowed[index] = true;
    }
    return allowed;
  }

  static int[] trainingRows(
      EncodedExamples examples, DataWindow window, boolean[] allowed, int max) {
    int[] rows =
        IntStream.range(0, examples.size())
            .filter(
                r -> window.isTraining(examples.timestamps()[r]) && allowed[examples.scenario(r)])
            .toArray();
    if (max > 0 && rows.length > max) {
      // rows are in time order: keep the most recent ones
      rows = java.util.Arrays.copyOfRange(rows, rows.length - max, rows.length);
    }
    return rows;
  }

  /** The held-out rows (every scenario). */
  public static int[] holdoutRows(EncodedExamples examples, DataWindow window) {
    return IntStream.range(0, examples.size())
        .filter(r -> window.isHoldout(examples.timestamps()[r]))
        .toArray();
  }

  private static List<int[]> mixedBatches(int[] rows, int batchSize, SplittableRandom random) {
    int[] shuffled = shuffle(rows.clone(), random);
    List<int[]> batches = new ArrayList<>();
    for (int from = 0; from < shuffled.length; from += batchSize) {
      batches.add(
          java.util.Arrays.copyOfRange(
              shuffled, from, Math.min(shuffled.length, from + batchSize)));
    }
    return batches;
  }

  /** Single-scenario batches, shuffled together so that the scenarios alternate in proportion. */
  private static List<int[]> scenarioBatches(
      EncodedExamples examples, int[] rows, int batchSize, SplittableRandom random) {
    List<int[]> batches = new ArrayList<>();
    for (int s = 0; s < examples.scenarios().size(); s++) {
      int scenario = s;
      int[] scenarioRows =
          IntStream.of(rows).filter(r -> examples.scenario(r) == scenario).toArray();
      batches.addAll(mixedBatches(scenarioRows, batchSize, random));
    }
    for (int i = batches.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int[] swap = batches.get(i);
      batches.set(i, batches.get(j));
      batches.set(j, swap);
    }
    return batches;
  }

  private static int[] shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }
}
