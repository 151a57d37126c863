package io.onair.dataset;

import java.time.Instant;

/**
 * The time split of a dataset: offline jobs build from [start, holdoutStart) and evaluate on
 * [holdoutStart, end). Days are UTC calendar days; the last N days of the impressions are held out.
 * Every artifact records the window it was built from.
 *
 * @param start the first impression's time (epoch seconds)
 * @param end one second past the last impression
 * @param holdoutStart the first held-out second (= end when nothing is held out)
 */
public record DataWindow(long start, long end, long holdoutStart, int holdoutDays) {
  private static final long DAY = 86_400;

  public DataWindow {
    if (holdoutDays < 0) {
      throw new IllegalArgumentException("holdout days must not be negative: " + holdoutDays);
    }
    if (!(start <= holdoutStart && holdoutStart <= end)) {
      throw new IllegalArgumentException(
          "need start <= holdoutStart <= end, got " + start + ", " + holdoutStart + ", " + end);
    }
  }

  /**
   * The window of {@code dataset} with its last {@code holdoutDays} UTC days of impressions held
   * out.
   *
   * @throws IllegalArgumentException when that would hold out every impression
   */
  public static DataWindow of(Dataset dataset, int holdoutDays) {
    long[] ts = dataset.impressions().ts();
    if (ts.length == 0) {
      throw new IllegalArgumentException("the dataset has no impressions");
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long t : ts) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    long end = max + 1;
    long lastDayEnd = Math.floorDiv(max, DAY) * DAY + DAY;
    long holdoutStart = holdoutDays == 0 ? end : lastDayEnd - holdoutDays * DAY;
    if (holdoutStart <= min) {
      long days = (lastDayEnd - Math.floorDiv(min, DAY) * DAY) / DAY;
      throw new IllegalArgumentException(
          "--holdout-days "
              + holdoutDays
              + " would hold out every impression: the data spans "
              + days
              + " days");
    }
    return new DataWindow(min, end, holdoutStart, holdoutDays);
  }

  public boolean isTraining(long ts) {
    return ts < holdoutStart;
  }

  public boolean isHoldout(long ts) {
    return ts >= holdoutStart;
  }

  @Override
  public String toString() {
    return "["
        + Instant.ofEpochSecond(start)
        + ", "
        + Instant.ofEpochSecond(holdoutStart)
        + ") train, ["
        + Instant.ofEpochSecond(holdoutStart)
        + ", "
        + Instant.ofEpochSecond(end)
        + ") held out ("
        + holdoutDays
        + " days)";
  }
}
