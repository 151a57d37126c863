package io.onair.ranking.eval;

import java.util.Arrays;

/**
 * AUC, GAUC, log loss and regression errors over a subset of rows. Ties in the scores count half,
 * as in the Mann-Whitney statistic. Stateless and thread-safe.
 */
public final class RankingMetrics {
  private static final double PROBABILITY_FLOOR = 1e-7;

  private RankingMetrics() {}

  /**
   * The AUC of {@code scores} against binary {@code labels} over {@code rows}, or NaN when the rows
   * hold only one class.
   */
  public static double auc(float[] scores, float[] labels, int[] rows) {
    long[] keys = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      keys[i] = ((long) sortable(scores[rows[i]]) << 32) | (rows[i] & 0xFFFFFFFFL);
    }
    Arrays.sort(keys);
    return aucOfSorted(keys, 0, keys.length, labels);
  }

  /**
   * Group AUC: the AUC of each user's rows, weighted by the user's number of rows, over the users
   * that have both classes; NaN when no user has both.
   */
  public static double groupAuc(float[] scores, float[] labels, int[] users, int[] rows) {
    // sort by user, then score: user in the high bits
    long[] keys = new long[rows.length];
    int[] byUser = rows.clone();
    Integer[] boxed = new Integer[rows.length];
    for (int i = 0; i < rows.length; i++) {
      boxed[i] = rows[i];
    }
    Arrays.sort(
        boxed,
        (a, b) ->
            users[a] != users[b]
                ? Integer.compare(users[a], users[b])
                : Float.compare(scores[a], scores[b]));
    for (int i = 0; i < rows.length; i++) {
      byUser[i] = boxed[i];
      keys[i] = ((long) sortable(scores[byUser[i]]) << 32) | (byUser[i] & 0xFFFFFFFFL);
    }
    double weighted = 0;
    long weight = 0;
    int start = 0;
    while (start < byUser.length) {
      int end = start;
      int user = users[byUser[start]];
      while (end < byUser.length && users[byUser[end]] == user) {
        end++;
      }
      double auc = aucOfSorted(keys, start, end, labels);
      if (!Double.isNaN(auc)) {
        weighted += auc * (end - start);
        weight += end - start;
      }
      start = end;
    }
    return weight == 0 ? Double.NaN : weighted / weight;
  }

  /** Mean binary log loss of probabilities (clipped to [1e-7, 1 - 1e-7]). */
  public static double logLoss(float[] probabilities, float[] labels, int[] rows) {
    double sum = 0;
    for (int row : rows) {
      double p = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, probabilities[row]));
      sum -= labels[row] > 0 ? Math.log(p) : Math.log(1 - p);
    }
    return rows.length == 0 ? Double.NaN : sum / rows.length;
  }

  /** Bins of {@link #expectedCalibrationError}. */
  public static final int CALIBRATION_BINS = 20;

  /**
   * Expected calibration error over {@value #CALIBRATION_BINS} bins of equal count (rows sorted by
   * predicted probability): the row-weighted mean of {@code |mean prediction - positive rate|} per
   * bin. Equal-count bins rather than equal-width ones because the deep targets' probabilities sit
   * almost all below 0.05, where equal-width bins would put every row in the first bin.
   */
  public static double expectedCalibrationError(float[] probabilities, float[] labels, int[] rows) {
    if (rows.length == 0) {
      return Double.NaN;
    }
    Integer[] order = new Integer[rows.length];
    for (int i = 0; i < rows.length; i++) {
      order[i] = rows[i];
    }
    java.util.Arrays.sort(order, (a, b) -> Float.compare(probabilities[a], probabilities[b]));
    int bins = Math.min(CALIBRATION_BINS, rows.length);
    double error = 0;
    for (int bin = 0; bin < bins; bin++) {
      int from = (int) ((long) bin * rows.length / bins);
      int to = (int) ((long) (bin + 1) * rows.length / bins);
      double predicted = 0;
      double observed = 0;
      for (int i = from; i < to; i++) {
        predicted += probabilities[order[i]];
        observed += labels[order[i]] > 0 ? 1 : 0;
      }
      error += Math.abs(predicted - observed);
    }
    return error / rows.length;
  }

  /** Root mean squared error of predicted values. */
  public static double rootMeanSquaredError(float[] predictions, float[] values, int[] rows) {
    double sum = 0;
    for (int row : rows) {
      double d = predictions[row] - values[row];
      sum += d * d;
    }
    return rows.length == 0 ? Double.NaN : Math.sqrt(sum / rows.length);
  }

  /** Pearson correlation of predicted and true values; NaN when either is constant. */
  public static double correlation(float[] predictions, float[] values, int[] rows) {
    double mx = 0;
    double my = 0;
    for (int row : rows) {
      mx += predictions[row];
      my += values[row];
    }
    mx /= rows.length;
    my /= rows.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int row : rows) {
      double dx = predictions[row] - mx;
      double dy = values[row] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** keys[from, to) sorted ascending by score: rank-sum AUC with ties at their average rank. */
  private static double aucOfSorted(long[] keys, int from, int to, float[] labels) {
    long positives = 0;
    long negatives = 0;
    double rankSum = 0;
    int i = from;
    while (i < to) {
      int scoreBits = (int) (keys[i] >> 32);
      int j = i;
      long groupPositives = 0;
      while (j < to && (int) (keys[j] >> 32) == scoreBits) {
        if (labels[(int) keys[j]] > 0) {
          groupPositives++;
        }
        j++;
      }
      double averageRank = ((i - from + 1) + (j - from)) / 2.0;
      rankSum += averageRank * groupPositives;
      positives += groupPositives;
      negatives += (j - i) - groupPositives;
      i = j;
    }
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** An int whose signed order is the float's order. */
  private static int sortable(float value) {
    int bits = Float.floatToIntBits(value == 0f ? 0f : value);
    return bits ^ ((bits >> 31) & 0x7FFFFFFF);
  }
}
