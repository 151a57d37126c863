package io.onair.dataset.activity;

import java.util.Arrays;

/**
 * The one implementation of the real-time statistics' windows, used by the training examples (a
 * sweep over the event log) and by the feature stores (the in-memory store holds these counters;
 * the Redis store keeps the same slots in a hash and rebuilds a counter to read it).
 *
 * <p>Two rings of buckets: {@value #MINUTE_SLOTS} one-minute buckets and {@value #HOUR_SLOTS}
 * one-hour buckets. Each slot remembers which bucket (minute or hour since the epoch) it holds; an
 * event for a newer bucket resets the slot, an event for an older bucket than the slot holds (more
 * than an hour, or a day, late) is not counted in that ring. {@link #window} at time {@code t}
 * counts whole buckets strictly before the minute of {@code t}: the hour window is minutes {@code
 * [m - 60, m)}, the day window hours {@code [h - 24, h)} plus minutes {@code [60 h, m)}, where
 * {@code m} and {@code h} are the minute and hour of {@code t}. So an event at or after {@code t}
 * is never counted, and the same events give the same window whoever counts them, in whatever order
 * they arrive as long as none is late by more than the ring it is counted in spans (an hour, a
 * day).
 *
 * <p>Each ring has one slot more than its window has buckets: the events of the current minute (or
 * hour), which a read at {@code t} does not count but which arrive before it, must not take the
 * slot of minute {@code m - 60} (or hour {@code h - 24}), which it does count.
 *
 * <p>Not thread-safe: the in-memory store guards each counter with a lock.
 */
public final class ActivityCounter {
  /** Whole minutes in the hour window. */
  public static final int WINDOW_MINUTES = 60;

  /** Whole hours in the day window (besides the current hour's whole minutes). */
  public static final int WINDOW_HOURS = 24;

  /** Slots of the minute ring: the hour window's minutes and the current minute. */
  public static final int MINUTE_SLOTS = WINDOW_MINUTES + 1;

  /** Slots of the hour ring: the day window's hours and the current hour. */
  public static final int HOUR_SLOTS = WINDOW_HOURS + 1;

  private final long[] minuteBucket = new long[MINUTE_SLOTS];
  private final int[] minuteCounts = new int[MINUTE_SLOTS * ActivityKind.COUNT];
  private final long[] hourBucket = new long[HOUR_SLOTS];
  private final int[] hourCounts = new int[HOUR_SLOTS * ActivityKind.COUNT];

  public ActivityCounter() {
    Arrays.fill(minuteBucket, -1);
    Arrays.fill(hourBucket, -1);
  }

  /** The minute since the epoch that {@code epochSecond} falls in. */
  public static long minute(long epochSecond) {
    return Math.floorDiv(epochSecond, 60);
  }

  /** The hour since the epoch that {@code epochSecond} falls in. */
  public static long hour(long epochSecond) {
    return Math.floorDiv(epochSecond, 3600);
  }

  /** The slot of the minute ring that holds {@code minute}. */
  public static int minuteSlot(long minute) {
    return (int) Math.floorMod(minute, (long) MINUTE_SLOTS);
  }

  /** The slot of the hour ring that holds {@code hour}. */
  public static int hourSlot(long hour) {
    return (int) Math.floorMod(hour, (long) HOUR_SLOTS);
  }

  /** Counts {@code count} events of {@code kind} at {@code epochSecond}. */
  public void record(ActivityKind kind, long epochSecond, int count) {
    long minute = minute(epochSecond);
    long hour = hour(epochSecond);
    add(minuteBucket, minuteCounts, minuteSlot(minute), minute, kind, count);
    add(hourBucket, hourCounts, hourSlot(hour), hour, kind, count);
  }

  /**
   * Sets one slot as a store read it back: {@code minuteRing} tells the ring, {@code bucket} the
   * minute or hour the slot holds, {@code counts} one count per kind.
   */
  public void restoreSlot(boolean minuteRing, long bucket, int[] counts) {
    if (counts.length != ActivityKind.COUNT) {
      throw new IllegalArgumentException("one count per activity kind is needed");
    }
    int slot = minuteRing ? minuteSlot(bucket) : hourSlot(bucket);
    (minuteRing ? minuteBucket : hourBucket)[slot] = bucket;
    System.arraycopy(
        counts,
        0,
        minuteRing ? minuteCounts : hourCounts,
        slot * ActivityKind.COUNT,
        ActivityKind.COUNT);
  }

  /** The counts of the last hour and the last day before the minute of {@code atEpochSecond}. */
  public ActivityWindow window(long atEpochSecond) {
    long m = minute(atEpochSecond);
    long h = hour(atEpochSecond);
    int[] lastHour = new int[ActivityKind.COUNT];
    int[] lastDay = new int[ActivityKind.COUNT];
    for (int slot = 0; slot < MINUTE_SLOTS; slot++) {
      long bucket = minuteBucket[slot];
      if (bucket < 0 || bucket >= m) {
        continue;
      }
      int base = slot * ActivityKind.COUNT;
      boolean inHour = bucket >= m - WINDOW_MINUTES;
      boolean inCurrentHour = bucket >= h * 60;
      for (int k = 0; k < ActivityKind.COUNT; k++) {
        if (inHour) {
          lastHour[k] += minuteCounts[base + k];
        }
        if (inCurrentHour) {
          lastDay[k] += minuteCounts[base + k];
        }
      }
    }
    for (int slot = 0; slot < HOUR_SLOTS; slot++) {
      long bucket = hourBucket[slot];
      if (bucket < h - WINDOW_HOURS || bucket >= h) {
        continue;
      }
      int base = slot * ActivityKind.COUNT;
      for (int k = 0; k < ActivityKind.COUNT; k++) {
        lastDay[k] += hourCounts[base + k];
      }
    }
    return new ActivityWindow(lastHour, lastDay);
  }

  private static void add(
      long[] buckets, int[] counts, int slot, long bucket, ActivityKind kind, int count) {
    if (buckets[slot] > bucket) {
      return; // older than what the ring still holds: outside both windows of every later read
    }
    if (buckets[slot] < bucket) {
      buckets[slot] = bucket;
      Arrays.fill(counts, slot * ActivityKind.COUNT, (slot + 1) * ActivityKind.COUNT, 0);
    }
    counts[slot * ActivityKind.COUNT + kind.ordinal()] += count;
  }
}
