package io.onair.simulator.world;

import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.WeightedChoice;

/**
 * The shape of a day: when users arrive and when anchors habitually start. Both peak in the
 * evening; anchors start a little earlier so that the evening peak of viewers meets a peak of live
 * rooms, and almost nobody streams in the small hours. Immutable and thread-safe.
 */
public final class DailyCurves {
  /** Relative arrival weight of users per UTC hour 0..23. */
  static final double[] USER_ARRIVAL = {
    1.6, 0.9, 0.5, 0.3, 0.2, 0.3, 0.6, 1.0, 1.3, 1.4, 1.5, 1.7, //
    2.2, 2.0, 1.6, 1.6, 1.7, 1.9, 2.4, 3.2, 3.8, 4.0, 3.4, 2.4
  };

  /** Relative weight of each hour as an anchor's habitual start hour. */
  static final double[] ANCHOR_START = {
    0.4, 0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.6, 1.0, 1.2, 1.2, 1.0, //
    1.2, 1.2, 1.0, 1.0, 1.2, 1.6, 2.4, 3.4, 3.6, 2.8, 1.6, 0.8
  };

  private static final WeightedChoice USER_HOURS = new WeightedChoice(USER_ARRIVAL);
  private static final WeightedChoice ANCHOR_HOURS = new WeightedChoice(ANCHOR_START);

  private DailyCurves() {}

  public static int sampleUserHour(RandomStream random) {
    return USER_HOURS.sample(random);
  }

  public static int sampleAnchorStartHour(RandomStream random) {
    return ANCHOR_HOURS.sample(random);
  }
}
