package io.onair.pretrain.train;

import static java.util.Objects.requireNonNull;

import io.onair.pretrain.model.PretrainConfig;
import io.onair.pretrain.model.TrainedRecallModel;
import io.onair.pretrain.sequences.Modality;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains the recall model on next-anchor examples: shuffles the examples each epoch, draws the
 * batch's shared negatives, runs one step per batch and logs throughput, loss and ETA about ten
 * times an epoch. Stateless.
 */
public final class PretrainTrainer {
  private PretrainTrainer() {}

  /**
   * Trains {@code model} in place.
   *
   * @param log receives the progress lines
   * @throws IllegalStateException when the loss diverges
   */
  public static List<EpochReport> train(
      TrainedRecallModel model, TrainingExamples examples, int anchorCount, Consumer<String> log) {
    requireNonNull(model, "model is null");
    requireNonNull(examples, "examples is null");
    requireNonNull(log, "log is null");
    PretrainConfig config = model.config();
    int batchSize = config.batchSize();
    int rowWidth = examples.rowWidth();
    int modalities = Modality.count();
    SplittableRandom random = new SplittableRandom(config.seed());
    NegativeSampler sampler =
        new NegativeSampler(examples.labelCounts(anchorCount), config.negatives(), config.seed());
    int[] tokens = new int[batchSize * rowWidth];
    int[] labels = new int[batchSize];
    float[] labelLogQ = new float[batchSize];
    int steps = (examples.size() + batchSize - 1) / batchSize;
    int reportEvery = Math.max(1, steps / 10);
    List<EpochReport> reports = new ArrayList<>();
    long trainingStart = System.nanoTime();
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      int[] order = shuffle(examples.order(), random);
      long start = System.nanoTime();
      double lossSum = 0;
      double[] modalitySum = new double[modalities];
      long seen = 0;
      for (int step = 0; step < steps; step++) {
        int from = step * batchSize;
        int rows = Math.min(batchSize, order.length - from);
        for (int i = 0; i < rows; i++) {
          int example = order[from + i];
          System.arraycopy(
              examples.tokens(),
              examples.exampleRow()[example] * rowWidth,
              tokens,
              i * rowWidth,
              rowWidth);
          labels[i] = examples.exampleLabel()[example];
          labelLogQ[i] = sampler.logQ(labels[i]);
        }
        sampler.draw();
        float[] losses =
            model.step(tokens, rows, labels, labelLogQ, sampler.drawn(), sampler.drawnLogQ());
        if (!Float.isFinite(losses[0])) {
          throw new IllegalStateException(
              "the loss diverged at epoch " + epoch + ", step " + step + ": " + losses[0]);
        }
        lossSum += (double) losses[0] * rows;
        for (int m = 0; m < modalities; m++) {
          modalitySum[m] += (double) losses[1 + m] * rows;
        }
        seen += rows;
        if ((step + 1) % reportEvery == 0 || step == steps - 1) {
          double seconds = (System.nanoTime() - start) / 1e9;
          double rate = seen / Math.max(seconds, 1e-9);
          long remaining =
              (long) (config.epochs() - epoch) * examples.size() + (order.length - seen);
          log.accept(
              String.format(
                  Locale.ROOT,
                  "epoch %d/%d step %,d/%,d  %,.0f examples/s  loss %.4f  ETA %.0fs",
                  epoch,
                  config.epochs(),
                  step + 1,
                  steps,
                  rate,
                  lossSum / seen,
                  remaining / Math.max(rate, 1e-9)));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double[] modalityLoss = new double[modalities];
      StringBuilder perModality = new StringBuilder();
      for (int m = 0; m < modalities; m++) {
        modalityLoss[m] = modalitySum[m] / seen;
        perModality.append(
            String.format(
                Locale.ROOT, " %s %.4f", Modality.values()[m].wireName(), modalityLoss[m]));
      }
      log.accept(
          String.format(
              Locale.ROOT,
              "epoch %d/%d done in %.1fs: %,.0f examples/s, mean loss %.4f (per modality:%s);"
                  + " %.0fs so far",
              epoch,
              config.epochs(),
              seconds,
              seen / seconds,
              lossSum / seen,
              perModality,
              (System.nanoTime() - trainingStart) / 1e9));
      reports.add(
          new EpochReport(epoch, seen, lossSum / seen, modalityLoss, seen / seconds, seconds));
    }
    return reports;
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
