package io.onair.simulator.random;

import static java.util.Objects.requireNonNull;

/**
 * Draws an index with probability proportional to fixed non-negative weights, by binary search in
 * the cumulative sums. Immutable and thread-safe.
 */
public final class WeightedChoice {
  private final double[] cumulative;

  public WeightedChoice(double[] weights) {
    requireNonNull(weights, "weights is null");
    if (weights.length == 0) {
      throw new IllegalArgumentException("at least one weight is needed");
    }
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " must be finite and >= 0");
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("the weights must not all be zero");
    }
  }

  public int size() {
    return cumulative.length;
  }

  /** The probability of index {@code i}. */
  public double probability(int i) {
    double before = i == 0 ? 0 : cumulative[i - 1];
    return (cumulative[i] - before) / cumulative[cumulative.length - 1];
  }

  public int sample(RandomStream random) {
    return search(cumulative, 0, cumulative.length, random.nextDouble() * total());
  }

  public double total() {
    return cumulative[cumulative.length - 1];
  }

  /**
   * The first index in [from, to) whose cumulative value exceeds {@code target} (the last index
   * when rounding leaves none), for callers that keep their own cumulative arrays.
   */
  public static int search(double[] cumulative, int from, int to, double target) {
    int lo = from;
    int hi = to - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
