package io.onair.pretrain.train;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the shared negative anchors of a batch, with replacement, from the smoothed label
 * distribution {@code q(a) ~ (count(a) + 1)^0.75} (word2vec's unigram^0.75: popular anchors are the
 * hard negatives, and every anchor can be drawn), and gives the log expected count {@code log(S
 * q(a))} the loss subtracts (the logQ correction), so that the sampled softmax estimates the full
 * one. When {@code S} is at least the anchor count, every anchor is one negative with log count 0:
 * a full softmax. Not thread-safe (owns its random source).
 */
final class NegativeSampler {
  private static final double POWER = 0.75;

  private final double[] cumulative;
  private final float[] logQ;
  private final int samples;
  private final boolean full;
  private final SplittableRandom random;
  private final int[] drawn;
  private final float[] drawnLogQ;

  NegativeSampler(long[] labelCounts, int samples, long seed) {
    requireNonNull(labelCounts, "labelCounts is null");
    int anchors = labelCounts.length;
    this.full = samples >= anchors;
    this.samples = full ? anchors : samples;
    this.random = new SplittableRandom(seed);
    double[] weight = new double[anchors];
    double total = 0;
    for (int a = 0; a < anchors; a++) {
      weight[a] = Math.pow(labelCounts[a] + 1, POWER);
      total += weight[a];
    }
    cumulative = new double[anchors];
    logQ = new float[anchors];
    double running = 0;
    for (int a = 0; a < anchors; a++) {
      running += weight[a] / total;
      cumulative[a] = running;
      logQ[a] = full ? 0f : (float) Math.log(this.samples * weight[a] / total);
    }
    drawn = new int[this.samples];
    drawnLogQ = new float[this.samples];
    if (full) {
      Arrays.setAll(drawn, a -> a);
    }
  }

  int samples() {
    return samples;
  }

  /** Draws a new sample into {@link #drawn()} and {@link #drawnLogQ()}. */
  void draw() {
    if (full) {
      return;
    }
    for (int s = 0; s < samples; s++) {
      int a = Arrays.binarySearch(cumulative, random.nextDouble());
      a = a >= 0 ? a : Math.min(-a - 1, cumulative.length - 1);
      drawn[s] = a;
      drawnLogQ[s] = logQ[a];
    }
  }

  int[] drawn() {
    return drawn;
  }

  float[] drawnLogQ() {
    return drawnLogQ;
  }

  /** The log expected count of an anchor (0 in full-softmax mode). */
  float logQ(int anchor) {
    return logQ[anchor];
  }
}
