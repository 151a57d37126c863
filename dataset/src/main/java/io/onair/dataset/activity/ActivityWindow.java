package io.onair.dataset.activity;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The counts of one key (an anchor, a category, or all rooms) over the last hour and the last day
 * before a point in time, one count per {@link ActivityKind}. Both windows end where the minute of
 * the point in time starts: nothing of that minute, and nothing later, is counted (see {@link
 * ActivityCounter}). Immutable.
 *
 * @param lastHour counts in the 60 whole minutes before the current minute, by kind ordinal
 * @param lastDay counts in the 24 whole hours before the current hour plus the whole minutes of the
 *     current hour before the current minute, by kind ordinal
 */
public record ActivityWindow(int[] lastHour, int[] lastDay) {
  /** A key with no activity. */
  public static final ActivityWindow EMPTY =
      new ActivityWindow(new int[ActivityKind.COUNT], new int[ActivityKind.COUNT]);

  public ActivityWindow {
    requireNonNull(lastHour, "lastHour is null");
    requireNonNull(lastDay, "lastDay is null");
    if (lastHour.length != ActivityKind.COUNT || lastDay.length != ActivityKind.COUNT) {
      throw new IllegalArgumentException("one count per activity kind is needed");
    }
    lastHour = lastHour.clone();
    lastDay = lastDay.clone();
  }

  public int lastHour(ActivityKind kind) {
    return lastHour[kind.ordinal()];
  }

  public int lastDay(ActivityKind kind) {
    return lastDay[kind.ordinal()];
  }

  @Override
  public int[] lastHour() {
    return lastHour.clone();
  }

  @Override
  public int[] lastDay() {
    return lastDay.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ActivityWindow w
        && Arrays.equals(lastHour, w.lastHour)
        && Arrays.equals(lastDay, w.lastDay);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lastHour) + Arrays.hashCode(lastDay);
  }

  @Override
  public String toString() {
    return "ActivityWindow[lastHour="
        + Arrays.toString(lastHour)
        + ", lastDay="
        + Arrays.toString(lastDay)
        + "]";
  }
}
