package io.onair.importer.ecomm;

import java.util.Random;

/**
 * Draws rooms at random in proportion to fixed weights, without replacement and never a room marked
 * excluded: successive sampling, the same distribution as drawing one room at a time from the
 * remaining ones in proportion to their weight. A draw first tries a few rejections against the
 * cumulative weights (O(log rooms)), then falls back to one scan over the rooms left, so it stays
 * correct when exclusions cover most of the weight. Immutable; each call uses the caller's random
 * source, so results are deterministic for a seeded {@link Random}.
 */
final class NegativeSampler {
  private static final int REJECTION_ATTEMPTS = 16;

  private final double[] weights;
  private final double[] cumulative;

  /**
   * @param weights one non-negative, finite weight per room, at least one positive
   */
  NegativeSampler(double[] weights) {
    this.weights = weights.clone();
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " is not a finite non-negative number");
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
  }

  /**
   * Draws up to {@code count} distinct rooms that are not excluded and have a positive weight,
   * writes them to {@code out} in draw order and marks them excluded.
   *
   * @return how many rooms were drawn: fewer than {@code count} only when no room is left
   */
  int sample(Random random, boolean[] excluded, int count, int[] out) {
    int drawn = 0;
    while (drawn < count) {
      int room = drawOne(random, excluded);
      if (room < 0) {
        break;
      }
      excluded[room] = true;
      out[drawn++] = room;
    }
    return drawn;
  }

  private int drawOne(Random random, boolean[] excluded) {
    double total = cumulative[cumulative.length - 1];
    for (int attempt = 0; attempt < REJECTION_ATTEMPTS; attempt++) {
      int room = firstAbove(random.nextDouble() * total);
      if (!excluded[room] && weights[room] > 0) {
        return room;
      }
    }
    double remaining = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!excluded[i]) {
        remaining += weights[i];
      }
    }
    if (!(remaining > 0)) {
      return -1;
    }
    double target = random.nextDouble() * remaining;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (!excluded[i] && weights[i] > 0) {
        last = i;
        target -= weights[i];
        if (target < 0) {
          return i;
        }
      }
    }
    return last; // rounding left a sliver of weight: the last eligible room takes it
  }

  /** The first room whose cumulative weight exceeds {@code value}. */
  private int firstAbove(double value) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] > value) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
