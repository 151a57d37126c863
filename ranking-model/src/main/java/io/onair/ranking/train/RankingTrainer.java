package io.onair.ranking.train;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.progress.Progress;
import io.onair.ranking.calibration.Calibration;
import io.onair.ranking.eval.EvaluationReport;
import io.onair.ranking.eval.RankingEvaluator;
import io.onair.ranking.eval.TargetMetrics;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.EncodedExamples;
import io.onair.ranking.features.RareIdMapping;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.graph.PretrainedTables;
import io.onair.ranking.graph.RankingGraph;
import io.onair.ranking.graph.RankingGraphBuilder;
import io.onair.ranking.graph.SessionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * any step), keeps the latest training rows apart as the validation split, shuffles the other
 * training rows each epoch (for {@code dbmtl-multiscenario}: batches of one scenario each, the
 * scenarios alternating in proportion to their rows), reports step, examples/s, loss and ETA, and
 * after every epoch records the learning curves (a fixed sample of the training rows, the
 * validation split, the held-out days). The validation split alone chooses: the epoch whose model
 * scores best there is kept (restored from a checkpoint when a later epoch was worse), training
 * stops after {@code patience} epochs without improvement, and the calibration is fitted on it. The
 * held-out days are reported, never used to choose. Stateless; one call per model.
 */
public final class RankingTrainer {
  /** Rows per scoring call during evaluation. */
  static final int SCORING_BATCH = 4096;

  /** Training rows whose learning curve is recorded (a fixed, evenly spaced sample). */
  static final int TRAIN_CURVE_ROWS = 50_000;

  private RankingTrainer() {}

  /**
   * What a training run produced: the model (close it), the per-epoch reports, the epoch whose
   * model it is ({@code selectedEpoch}, chosen on the validation split; the last epoch without
   * one), the rows it trained and validated on, the ids the rare-id mapping sent to their slot's
   * unknown row, the calibration fitted on the validation split (identity without one), the
   * held-out evaluation of the kept model with its calibration (null when nothing was held out;
   * what {@code eval rank} reproduces through the export) and, for {@code dmr-pretrained}, the
   * summary of the pretrained tables baked into it (their version first; empty for the other
   * models).
   */
  public record Outcome(
      TrainedRanker ranker,
      TargetGraph targets,
      List<EpochReport> epochs,
      int selectedEpoch,
      int trainingRows,
      int validationRows,
      int rareIds,
      Calibration calibration,
      EvaluationReport holdout,
      Map<String, Object> pretrained) {
    public Outcome {
      pretrained = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pretrained));
      epochs = List.copyOf(epochs);
      requireNonNull(calibration, "calibration is null");
    }

    /** The report of the selected epoch. */
    public EpochReport selected() {
      return epochs.get(selectedEpoch - 1);
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
    return train(examples, window, config, pretrained, training, true, progress, log);
  }

  /**
   * As {@link #train(EncodedExamples, DataWindow, ModelConfig, Optional, TrainingConfig, Progress,
   * Consumer)}; with {@code scoreHoldout} false the held-out days are not scored at all (their
   * curves and the outcome's held-out report are null) and the model is not refit, as a search over
   * configurations that may only look at the validation split wants.
   */
  public static Outcome train(
      EncodedExamples examples,
      DataWindow window,
      ModelConfig config,
      Optional<PretrainedTables> pretrained,
      TrainingConfig training,
      boolean scoreHoldout,
      Progress progress,
      Consumer<String> log) {
    return train(
        examples,
        window,
        config,
        pretrained,
        training,
        scoreHoldout,
        EpochStopRule.NEVER,
        progress,
        log);
  }

  /**
   * As {@link #train(EncodedExamples, DataWindow, ModelConfig, Optional, TrainingConfig, boolean,
   * Progress, Consumer)}, with {@code stopRule} asked after every validated epoch whether to stop
   * (a search's rule; the refit, when there is one, runs the epochs kept).
   */
  public static Outcome train(
      EncodedExamples examples,
      DataWindow window,
      ModelConfig config,
      Optional<PretrainedTables> pretrained,
      TrainingConfig training,
      boolean scoreHoldout,
      EpochStopRule stopRule,
      Progress progress,
      Consumer<String> log) {
    requireNonNull(stopRule, "stopRule is null");
    Outcome selected =
        trainOnce(
            examples, window, config, pretrained, training, scoreHoldout, stopRule, progress, log);
    if (!training.refit() || !scoreHoldout || selected.validationRows() == 0) {
      return selected;
    }
    return refit(examples, window, config, pretrained, training, selected, progress, log);
  }

  /**
   * Trains again from the same seed on every training row, the validation split included, for the
   * epochs {@code selected} kept, and returns that model with {@code selected}'s curves, epoch and
   * calibration (fitted on the validation split, which the refit model has now trained on) and its
   * own held-out evaluation under that calibration. Closes {@code selected}'s session.
   */
  private static Outcome refit(
      EncodedExamples examples,
      DataWindow window,
      ModelConfig config,
      Optional<PretrainedTables> pretrained,
      TrainingConfig training,
      Outcome selected,
      Progress progress,
      Consumer<String> log) {
    log.accept(
        String.format(
            "refit: training again on all %,d training rows (validation included) for the %d"
                + " epoch(s) kept",
            selected.trainingRows() + selected.validationRows(), selected.selectedEpoch()));
    selected.ranker().close();
    Outcome refit =
        trainOnce(
            examples,
            window,
            config,
            pretrained,
            training.withValidationFraction(0).withEpochs(selected.selectedEpoch()),
            false,
            EpochStopRule.NEVER,
            progress,
            log);
    try {
      EvaluationReport holdout = null;
      int[] holdoutRows = holdoutRows(examples, window);
      if (holdoutRows.length > 0) {
        float[][] scores = predict(refit.ranker(), examples, holdoutRows);
        selected.calibration().apply(scores);
        holdout =
            RankingEvaluator.evaluate(
                config.kind().wireName(), examples, refit.targets(), scores, holdoutRows, window);
        log.accept("held-out, refit model, calibrated:\n" + holdout.render());
      }
      return new Outcome(
          refit.ranker(),
          refit.targets(),
          selected.epochs(),
          selected.selectedEpoch(),
          refit.trainingRows(),
          selected.validationRows(),
          refit.rareIds(),
          selected.calibration(),
          holdout,
          refit.pretrained());
    } catch (RuntimeException | Error e) {
      refit.ranker().close();
      throw e;
    }
  }

  private static Outcome trainOnce(
      EncodedExamples examples,
      DataWindow window,
      ModelConfig config,
      Optional<PretrainedTables> pretrained,
      TrainingConfig training,
      boolean scoreHoldout,
      EpochStopRule stopRule,
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
    int[] windowRows = trainingRows(examples, window, scenarioAllowed, training.maxTrainingRows());
    int[] holdoutRows = scoreHoldout ? holdoutRows(examples, window) : new int[0];
    if (windowRows.length == 0) {
      throw new IllegalArgumentException(
          "no training rows before the held-out days for the chosen scenarios");
    }
    int cut = validationCut(examples.timestamps(), windowRows, training.validationFraction());
    int[] trainRows = java.util.Arrays.copyOfRange(windowRows, 0, cut);
    int[] validationRows = java.util.Arrays.copyOfRange(windowRows, cut, windowRows.length);
    if (trainRows.length == 0) {
      throw new IllegalArgumentException(
          "the validation split takes every training row (all in one second?): lower"
              + " --validation-fraction");
    }
    if (training.validationFraction() > 0 && validationRows.length == 0) {
      throw new IllegalArgumentException(
          "the validation split is empty: the training window's last second holds more than a"
              + " --validation-fraction of its rows");
    }
    int[] curveRows = evenSample(trainRows, TRAIN_CURVE_ROWS);
    int[] labelColumns = new int[targets.size()];
    for (int t = 0; t < labelColumns.length; t++) {
      labelColumns[t] = examples.targets().indexOf(targets.name(t));
    }
    Optional<RareIdMapping.Result> rare =
        RareIdMapping.of(examples, trainRows, config.regularization().minIdCount());
    rare.ifPresent(
        r ->
            log.accept(
                "rare ids: "
                    + r.mappedIds()
                    + " ids seen fewer than "
                    + config.regularization().minIdCount()
                    + " times share their slot's unknown row; "
                    + r.keptIds()
                    + " keep their own"));
    log.accept(
        String.format(
            "training on %,d rows, validating on %,d (the latest %.0f%% of the training"
                + " window), %,d held out",
            trainRows.length,
            validationRows.length,
            100 * training.validationFraction(),
            holdoutRows.length));
    Graph graph = new Graph();
    Session session = null;
    Path checkpoints = null;
    try {
      RankingGraph model =
          RankingGraphBuilder.build(
              graph,
              config,
              targets,
              examples.layout(),
              examples.scenarios().size(),
              pretrained,
              rare.map(RareIdMapping.Result::mapping));
      ConfigProto sessionConfig = SessionConfig.of(training.intraOpThreads());
      session = new Session(graph, sessionConfig);
      TrainedRanker ranker = new TrainedRanker(graph, session, model);
      session.initialize();
      List<EpochReport> reports = new ArrayList<>();
      SplittableRandom random = new SplittableRandom(training.seed());
      EncodedBatch batch = new EncodedBatch(examples.layout(), training.batchSize());
      float[] labelBuffer = new float[training.batchSize() * targets.size()];
      String name = config.kind().wireName();
      double bestScore = Double.NEGATIVE_INFINITY;
      int bestEpoch = 0;
      for (int epoch = 1; epoch <= training.epochs(); epoch++) {
        float learningRateScale = (float) training.learningRateScale(epoch);
        List<int[]> batches =
            config.kind() == ModelKind.DBMTL_MULTISCENARIO
                ? scenarioBatches(examples, trainRows, training.batchSize(), random)
                : mixedBatches(trainRows, training.batchSize(), random);
        long start = System.nanoTime();
        double lossSum = 0;
        long examplesSeen = 0;
        progress.start("epoch " + epoch + "/" + training.epochs(), trainRows.length, "examples");
        int reportEvery = Math.max(1, batches.size() / 10);
        float dropout = (float) config.regularization().dropout();
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
          float loss =
              step(
                  session,
                  model,
                  batch,
                  labelBuffer,
                  labelColumns.length,
                  learningRateScale,
                  dropout);
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
        EvaluationReport trainCurve = evaluate(ranker, name, examples, targets, curveRows, window);
        EvaluationReport validation =
            validationRows.length == 0
                ? null
                : evaluate(ranker, name, examples, targets, validationRows, window);
        EvaluationReport holdout =
            holdoutRows.length == 0
                ? null
                : evaluate(ranker, name, examples, targets, holdoutRows, window);
        reports.add(
            new EpochReport(
                epoch,
                batches.size(),
                examplesSeen,
                lossSum / examplesSeen,
                learningRateScale,
                examplesSeen / seconds,
                trainCurve,
                validation,
                holdout));
        log.accept(curveLine(epoch, trainCurve, validation, holdout));
        if (validation == null) {
          bestEpoch = epoch;
          continue;
        }
        double score = selectionScore(validation);
        if (score > bestScore) {
          bestScore = score;
          bestEpoch = epoch;
          if (epoch < training.epochs()) {
            if (checkpoints == null) {
              checkpoints = temporaryDirectory();
            }
            session.save(checkpoints.resolve("best").toString());
          }
        } else if (epoch - bestEpoch >= training.patience()) {
          log.accept(
              "validation score has not improved for "
                  + training.patience()
                  + " epoch(s): stopping after epoch "
                  + epoch);
          break;
        }
        if (epoch < training.epochs() && stopRule.stop(epoch, bestScore)) {
          log.accept("stopped after epoch " + epoch + " by the search's rule");
          break;
        }
      }
      int lastEpoch = reports.size();
      if (bestEpoch != lastEpoch) {
        session.restore(checkpoints.resolve("best").toString());
        log.accept(
            String.format(
                "kept the model of epoch %d (validation mean AUC %.4f)", bestEpoch, bestScore));
      }
      Calibration calibration =
          validationRows.length == 0
              ? Calibration.identity(targets)
              : Calibration.fit(
                  targets, examples, predict(ranker, examples, validationRows), validationRows);
      EvaluationReport holdout = null;
      if (holdoutRows.length > 0) {
        float[][] scores = predict(ranker, examples, holdoutRows);
        calibration.apply(scores);
        holdout = RankingEvaluator.evaluate(name, examples, targets, scores, holdoutRows, window);
        log.accept(
            "held-out, epoch "
                + bestEpoch
                + (calibration.isIdentity() ? "" : ", calibrated")
                + ":\n"
                + holdout.render());
      }
      Map<String, Object> pretrainedSummary =
          config.kind().pretrained()
              ? pretrained.map(PretrainedTables::summary).orElse(Map.of())
              : Map.of();
      return new Outcome(
          ranker,
          targets,
          reports,
          bestEpoch,
          trainRows.length,
          validationRows.length,
          rare.map(RareIdMapping.Result::mappedIds).orElse(0),
          calibration,
          holdout,
          pretrainedSummary);
    } catch (RuntimeException | Error e) {
      if (session != null) {
        session.close();
      }
      graph.close();
      throw e;
    } finally {
      deleteQuietly(checkpoints);
    }
  }

  /**
   * What chooses the epoch: the mean AUC over the binary targets on the validation split (targets
   * without both classes there are skipped).
   */
  public static double selectionScore(EvaluationReport validation) {
    double sum = 0;
    int count = 0;
    for (TargetMetrics metrics : validation.targets().values()) {
      if (metrics.auc() != null) {
        sum += metrics.auc();
        count++;
      }
    }
    return count == 0 ? Double.NEGATIVE_INFINITY : sum / count;
  }

  private static EvaluationReport evaluate(
      TrainedRanker ranker,
      String name,
      EncodedExamples examples,
      TargetGraph targets,
      int[] rows,
      DataWindow window) {
    return RankingEvaluator.evaluate(
        name, examples, targets, predict(ranker, examples, rows), rows, window);
  }

  /** One line per epoch: mean AUC and log loss of the binary targets on each split. */
  private static String curveLine(
      int epoch, EvaluationReport train, EvaluationReport validation, EvaluationReport holdout) {
    StringBuilder line = new StringBuilder("epoch " + epoch + ":");
    appendCurve(line, "train", train);
    appendCurve(line, "validation", validation);
    appendCurve(line, "held-out", holdout);
    return line.toString();
  }

  private static void appendCurve(StringBuilder line, String split, EvaluationReport report) {
    if (report == null) {
      return;
    }
    double auc = 0;
    double logloss = 0;
    int count = 0;
    for (TargetMetrics metrics : report.targets().values()) {
      if (metrics.auc() != null && metrics.logloss() != null) {
        auc += metrics.auc();
        logloss += metrics.logloss();
        count++;
      }
    }
    if (count > 0) {
      line.append(
          String.format("  %s mean AUC %.4f logloss %.4f", split, auc / count, logloss / count));
    }
  }

  /**
   * The index in {@code rows} (time order) where the validation split starts: the latest {@code
   * fraction} of the rows, moved forward to the next change of second so that one request's slate
   * is never split. {@code rows.length} when {@code fraction} is 0.
   */
  static int validationCut(long[] timestamps, int[] rows, double fraction) {
    if (fraction <= 0) {
      return rows.length;
    }
    int cut = rows.length - (int) Math.round(rows.length * fraction);
    cut = Math.max(1, Math.min(cut, rows.length));
    while (cut < rows.length && cut > 0 && timestamps[rows[cut]] == timestamps[rows[cut - 1]]) {
      cut++;
    }
    return cut;
  }

  /** At most {@code max} of {@code rows}, evenly spaced (all of them when fewer). */
  private static int[] evenSample(int[] rows, int max) {
    if (rows.length <= max) {
      return rows;
    }
    int[] sample = new int[max];
    for (int i = 0; i < max; i++) {
      sample[i] = rows[(int) ((long) i * rows.length / max)];
    }
    return sample;
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("onair-best-epoch");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a directory for the best epoch's checkpoint", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary checkpoint left behind is harmless
    }
  }

  private static float step(
      Session session,
      RankingGraph model,
      EncodedBatch batch,
      float[] labels,
      int targets,
      float learningRateScale,
      float dropout) {
    int rows = batch.rows();
    try (TInt32 ids = batch.idsTensor();
        TFloat32 scale = TFloat32.scalarOf(learningRateScale);
        TFloat32 dropoutRate = TFloat32.scalarOf(dropout);
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
                .feed(model.learningRateScale(), scale)
                .feed(model.dropoutRate(), dropoutRate)
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
