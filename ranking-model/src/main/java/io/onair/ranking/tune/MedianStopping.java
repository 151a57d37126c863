package io.onair.ranking.tune;

import io.onair.ranking.train.EpochStopRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median stopping rule of Google Vizier (Golovin et al., 2017), on the best validation score so
 * far: a trial is stopped after epoch {@code e} (from {@value #GRACE_EPOCHS} on) when its best
 * score by epoch {@code e} is below the median of the best scores by epoch {@code e} of the trials
 * that have finished (a finished trial that ran fewer epochs keeps its final best). A slow
 * configuration that would run all its epochs only to lose is dropped once it trails the median, so
 * a search spends its time on the promising ones. With trials in parallel, which trials have
 * finished when another asks depends on timing, so the search is not repeatable to the trial; every
 * trial's score is still its own validation score. Thread-safe.
 */
final class MedianStopping implements EpochStopRule {
  /** No trial is stopped before this many epochs. */
  static final int GRACE_EPOCHS = 3;

  private final List<double[]> finished = new ArrayList<>();

  /** Records a finished trial's validation score per epoch (any NaN epochs are skipped). */
  synchronized void finished(double[] validationScores) {
    double[] best = new double[validationScores.length];
    double running = Double.NEGATIVE_INFINITY;
    for (int e = 0; e < validationScores.length; e++) {
      if (!Double.isNaN(validationScores[e])) {
        running = Math.max(running, validationScores[e]);
      }
      best[e] = running;
    }
    finished.add(best);
  }

  @Override
  public synchronized boolean stop(int epoch, double bestScore) {
    if (epoch < GRACE_EPOCHS || finished.isEmpty()) {
      return false;
    }
    double[] atEpoch = new double[finished.size()];
    for (int i = 0; i < atEpoch.length; i++) {
      double[] best = finished.get(i);
      atEpoch[i] =
          best.length == 0 ? Double.NEGATIVE_INFINITY : best[Math.min(epoch, best.length) - 1];
    }
    Arrays.sort(atEpoch);
    int n = atEpoch.length;
    double median = n % 2 == 1 ? atEpoch[n / 2] : (atEpoch[n / 2 - 1] + atEpoch[n / 2]) / 2;
    return bestScore < median;
  }
}
