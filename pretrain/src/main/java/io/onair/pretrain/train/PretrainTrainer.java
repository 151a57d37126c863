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
 * Trains the recall model on next-anchor examples: shuffles the (user, day) rows each epoch, fills
 * each batch with whole rows (all their labels) up to the batch size, draws the batch's shared
 * negatives, runs one step per batch and logs throughput, loss and ETA about ten times an epoch.
 * Stateless.
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
    int[] rowStart = examples.rowStarts();
    int maxPerRow = 1;
    for (int r = 0; r < examples.rows(); r++) {
      maxPerRow = Math.max(maxPerRow, rowStart[r + 1] - rowStart[r]);
    }
    // a batch is whole rows (a user-day with all its labels) up to batchSize examples, so each
    // row's sequences are encoded once per step however many labels it has
    int capacity = batchSize + maxPerRow;
    int[] tokens = new int[capacity * rowWidth];
    int[] exampleRows = new int[capacity];
    int[] labels = new int[capacity];
    float[] labelLogQ = new float[capacity];
    int steps = estimateSteps(rowStart, batchSize);
    int reportEvery = Math.max(1, steps / 10);
    List<EpochReport> reports = new ArrayList<>();
    long trainingStart = System.nanoTime();
    int[] rowOrder = new int[examples.rows()];
    java.util.Arrays.setAll(rowOrder, r -> r);
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      shuffle(rowOrder, random);
      long start = System.nanoTime();
      double lossSum = 0;
      double[] modalitySum = new double[modalities];
      long seen = 0;
      int step = 0;
      int next = 0;
      while (next < rowOrder.length) {
        int rows = 0;
        int batch = 0;
        while (next < rowOrder.length && batch < batchSize) {
          int row = rowOrder[next++];
          System.arraycopy(examples.tokens(), row * rowWidth, tokens, rows * rowWidth, rowWidth);
          for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
            exampleRows[batch] = rows;
            labels[batch] = examples.exampleLabel()[e];
            labelLogQ[batch] = sampler.logQ(labels[batch]);
            batch++;
          }
          rows++;
        }
        sampler.draw();
        float[] losses =
            model.step(
                tokens,
                rows,
                exampleRows,
                batch,
                labels,
                labelLogQ,
                sampler.drawn(),
                sampler.drawnLogQ());
        if (!Float.isFinite(losses[0])) {
          throw new IllegalStateException(
              "the loss diverged at epoch " + epoch + ", step " + step + ": " + losses[0]);
        }
        lossSum += (double) losses[0] * batch;
        for (int m = 0; m < modalities; m++) {
          modalitySum[m] += (double) losses[1 + m] * batch;
        }
        seen += batch;
        step++;
        if (step % reportEvery == 0 || next == rowOrder.length) {
          double seconds = (System.nanoTime() - start) / 1e9;
          double rate = seen / Math.max(seconds, 1e-9);
          long remaining =
              (long) (config.epochs() - epoch) * examples.size() + (examples.size() - seen);
          log.accept(
              String.format(
                  Locale.ROOT,
                  "epoch %d/%d step %,d/~%,d  %,.0f examples/s  loss %.4f  ETA %.0fs",
                  epoch,
                  config.epochs(),
                  step,
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

  /** Steps per epoch when rows are taken in index order (their number barely depends on it). */
  private static int estimateSteps(int[] rowStart, int batchSize) {
    int steps = 0;
    int batch = 0;
    for (int r = 0; r + 1 < rowStart.length; r++) {
      batch += rowStart[r + 1] - rowStart[r];
      if (batch >= batchSize) {
        steps++;
        batch = 0;
      }
    }
    return batch > 0 ? steps + 1 : Math.max(steps, 1);
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
