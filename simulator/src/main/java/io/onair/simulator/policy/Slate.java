package io.onair.simulator.policy;

import io.onair.simulator.ScenarioParameters;

/**
 * The rooms one request shows, in position order (position = index + 1). A scratch object reused
 * for every session. Not thread-safe.
 */
public final class Slate {
  final int[] anchors = new int[ScenarioParameters.MAX_SLATE];
  final double[] scores = new double[ScenarioParameters.MAX_SLATE];
  int size;

  public int size() {
    return size;
  }

  /** The anchor at 0-based index {@code i} (position i + 1). */
  public int anchor(int i) {
    return anchors[i];
  }

  boolean contains(int anchor) {
    for (int i = 0; i < size; i++) {
      if (anchors[i] == anchor) {
        return true;
      }
    }
    return false;
  }
}
