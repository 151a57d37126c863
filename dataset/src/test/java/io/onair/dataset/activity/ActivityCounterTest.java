package io.onair.dataset.activity;

import static io.onair.dataset.activity.ActivityKind.CART;
import static io.onair.dataset.activity.ActivityKind.CLICK;
import static io.onair.dataset.activity.ActivityKind.FOLLOW;
import static io.onair.dataset.activity.ActivityKind.IMPRESSION;
import static io.onair.dataset.activity.ActivityKind.PURCHASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivityCounterTest {
  /** An hour boundary (hour 472,222 since the epoch, November 2023): minute 0 of hour 0. */
  private static final long T0 = 472_222L * 3600;

  private static final ActivityKind[] KINDS = ActivityKind.values();

  /** One event as the brute-force count sees it. */
  private record Event(ActivityKind kind, long epochSecond, int count) {}

  /** The epoch second {@code second} seconds into minute {@code minute} of hour {@code hour}. */
  private static long at(long hour, long minute, long second) {
    return T0 + hour * 3600 + minute * 60 + second;
  }

  /** The counts by kind ordinal, for comparing a whole window at once. */
  private static int[] counts(int impressions, int clicks, int follows, int carts, int purchases) {
    return new int[] {impressions, clicks, follows, carts, purchases};
  }

  /** Minutes and hours since the epoch are floored, also for times before it. */
  @Test
  void minuteAndHourAreFlooredAlsoBeforeTheEpoch() {
    assertThat(ActivityCounter.minute(0)).isZero();
    assertThat(ActivityCounter.minute(59)).isZero();
    assertThat(ActivityCounter.minute(60)).isEqualTo(1);
    assertThat(ActivityCounter.minute(-1)).isEqualTo(-1);
    assertThat(ActivityCounter.hour(3599)).isZero();
    assertThat(ActivityCounter.hour(3600)).isEqualTo(1);
    assertThat(ActivityCounter.hour(-1)).isEqualTo(-1);
  }

  /** A counter that counted nothing has empty windows at any time. */
  @Test
  void aNewCounterIsEmpty() {
    ActivityCounter counter = new ActivityCounter();

    assertThat(counter.window(0)).isEqualTo(ActivityWindow.EMPTY);
    assertThat(counter.window(T0)).isEqualTo(ActivityWindow.EMPTY);
  }

  /** The hour window is minutes [m - 60, m): minute m - 60 is in it, minute m - 61 is not. */
  @Test
  void theHourWindowStartsSixtyWholeMinutesBeforeTheCurrentMinute() {
    ActivityCounter counter = new ActivityCounter();
    long t = at(5, 30, 30); // minute m = 5:30
    counter.record(CLICK, at(4, 29, 59), 1); // m - 61, last second
    counter.record(CLICK, at(4, 30, 0), 2); // m - 60, first second
    counter.record(CLICK, at(5, 29, 59), 4); // m - 1, last second

    ActivityWindow window = counter.window(t);

    assertThat(window.lastHour(CLICK)).isEqualTo(2 + 4);
    assertThat(window.lastDay(CLICK)).isEqualTo(1 + 2 + 4);
    assertThat(counter.window(at(5, 31, 0)).lastHour(CLICK)).as("one minute later").isEqualTo(4);
  }

  /**
   * The oldest minute of the hour window is still counted after events of the current minute were
   * recorded (which, in a ring of only 60 minutes, would take the oldest minute's slot).
   */
  @Test
  void eventsOfTheCurrentMinuteDoNotEvictTheOldestMinuteOfTheHourWindow() {
    ActivityCounter counter = new ActivityCounter();
    counter.record(CLICK, at(4, 30, 10), 2); // m - 60
    counter.record(CLICK, at(5, 10, 0), 3); // m - 20
    counter.record(IMPRESSION, at(5, 30, 0), 7); // the current minute m, before t

    ActivityWindow window = counter.window(at(5, 30, 30));

    assertThat(window.lastHour()).isEqualTo(counts(0, 2 + 3, 0, 0, 0));
    assertThat(window.lastDay()).isEqualTo(counts(0, 2 + 3, 0, 0, 0));
  }

  /** Nothing of the minute of t is counted: neither before t, at t, after t, nor later minutes. */
  @Test
  void theCurrentMinuteAndLaterAreNeverCounted() {
    ActivityCounter counter = new ActivityCounter();
    long t = at(2, 15, 30);
    counter.record(IMPRESSION, at(2, 15, 0), 1); // same minute, before t
    counter.record(CLICK, t, 1); // at t
    counter.record(FOLLOW, at(2, 15, 59), 1); // same minute, after t
    counter.record(CART, at(2, 16, 0), 1); // the next minute
    counter.record(PURCHASE, at(3, 0, 0), 1); // the next hour

    assertThat(counter.window(t)).isEqualTo(ActivityWindow.EMPTY);
    assertThat(counter.window(at(2, 16, 0)))
        .as("the next minute counts minute 2:15 only")
        .isEqualTo(new ActivityWindow(counts(1, 1, 1, 0, 0), counts(1, 1, 1, 0, 0)));
    assertThat(counter.window(at(3, 0, 0)))
        .as("the next hour counts everything but itself")
        .isEqualTo(new ActivityWindow(counts(1, 1, 1, 1, 0), counts(1, 1, 1, 1, 0)));
  }

  /**
   * The day window is whole hours [h - 24, h) plus the whole minutes [60 h, m) of the current hour,
   * each event counted once.
   */
  @Test
  void theDayWindowIsTwentyFourWholeHoursPlusTheCurrentHoursWholeMinutes() {
    ActivityCounter counter = new ActivityCounter();
    long t = at(30, 20, 30); // hour h = 30, minute m = 30:20
    counter.record(PURCHASE, at(5, 59, 59), 1); // hour h - 25: out
    counter.record(PURCHASE, at(6, 0, 0), 2); // hour h - 24: in the day, not the hour
    counter.record(PURCHASE, at(29, 10, 0), 4); // hour h - 1, minute m - 70: day only
    counter.record(PURCHASE, at(29, 59, 0), 8); // hour h - 1, minute m - 21: day and hour
    counter.record(PURCHASE, at(30, 0, 0), 16); // hour h, minute 60 h: day and hour
    counter.record(PURCHASE, at(30, 19, 59), 32); // minute m - 1: day and hour
    counter.record(PURCHASE, at(30, 20, 0), 64); // minute m: out

    ActivityWindow window = counter.window(t);

    assertThat(window.lastDay(PURCHASE)).isEqualTo(2 + 4 + 8 + 16 + 32);
    assertThat(window.lastHour(PURCHASE)).isEqualTo(8 + 16 + 32);
    assertThat(counter.window(at(31, 0, 0)).lastDay(PURCHASE))
        .as("at the next hour, hour h - 24 has left and hour h is whole")
        .isEqualTo(4 + 8 + 16 + 32 + 64);
  }

  /**
   * The oldest hour of the day window is still counted after events of the current hour were
   * recorded (which, in a ring of only 24 hours, would take the oldest hour's slot).
   */
  @Test
  void eventsOfTheCurrentHourDoNotEvictTheOldestHourOfTheDayWindow() {
    ActivityCounter counter = new ActivityCounter();
    counter.record(FOLLOW, at(0, 40, 0), 3); // hour h - 24
    counter.record(FOLLOW, at(24, 5, 0), 5); // hour h, minute 60 h + 5

    assertThat(counter.window(at(24, 30, 0)).lastDay(FOLLOW)).isEqualTo(3 + 5);
  }

  /**
   * A slot taken by a newer bucket starts from zero for every kind: counts of the bucket it held
   * before are neither kept nor added, while the other ring still counts them.
   */
  @Test
  void aReusedSlotForgetsTheCountsOfItsPreviousBucket() {
    ActivityCounter counter = new ActivityCounter();
    counter.record(IMPRESSION, at(0, 10, 0), 3);
    counter.record(CLICK, at(0, 10, 0), 2);
    long sameMinuteSlot = at(0, 10 + ActivityCounter.MINUTE_SLOTS, 0);
    counter.record(FOLLOW, sameMinuteSlot, 1);

    ActivityWindow window = counter.window(sameMinuteSlot + 60);

    assertThat(window.lastHour()).isEqualTo(counts(0, 0, 1, 0, 0));
    assertThat(window.lastDay()).as("the hour ring keeps hour 0").isEqualTo(counts(3, 2, 1, 0, 0));

    counter.record(CART, at(ActivityCounter.HOUR_SLOTS, 0, 0), 1); // the slot of hour 0
    assertThat(counter.window(at(ActivityCounter.HOUR_SLOTS + 1, 0, 0)).lastDay())
        .isEqualTo(counts(0, 0, 0, 1, 0));
  }

  /**
   * One event every minute for three hours: at each minute the hour window holds exactly the last
   * 60 minutes and the day window all of them, however often the slots were reused.
   */
  @Test
  void slotsAreReusedMinuteAfterMinute() {
    ActivityCounter counter = new ActivityCounter();
    int minutes = 180;
    for (int i = 0; i < minutes; i++) {
      long t = at(0, i, 0);
      ActivityWindow window = counter.window(t);
      int from = Math.max(0, i - 60);
      assertThat(window.lastHour(IMPRESSION)).as("minute %d", i).isEqualTo(sum(from, i));
      assertThat(window.lastDay(IMPRESSION)).as("minute %d", i).isEqualTo(sum(0, i));
      counter.record(IMPRESSION, t, i + 1); // minute i counts i + 1
    }
  }

  /**
   * One event every hour for three days: at each hour the day window holds exactly the last 24
   * hours.
   */
  @Test
  void slotsAreReusedHourAfterHour() {
    ActivityCounter counter = new ActivityCounter();
    int hours = 72;
    for (int i = 0; i < hours; i++) {
      long t = at(i, 0, 0);
      assertThat(counter.window(t).lastDay(CART))
          .as("hour %d", i)
          .isEqualTo(sum(Math.max(0, i - 24), i));
      counter.record(CART, t, i + 1); // hour i counts i + 1
    }
  }

  /** 1 + 2 + ... over the buckets [from, to) when bucket i counts i + 1. */
  private static int sum(int from, int to) {
    int total = 0;
    for (int i = from; i < to; i++) {
      total += i + 1;
    }
    return total;
  }

  /** A late event still within both rings counts as if it had come in order. */
  @Test
  void aLateEventWithinTheRingsIsCounted() {
    ActivityCounter counter = new ActivityCounter();
    counter.record(CLICK, at(3, 50, 0), 1);
    counter.record(CLICK, at(3, 10, 0), 2); // 40 minutes late
    counter.record(CLICK, at(3, 50, 5), 4); // the same minute as the first

    ActivityWindow window = counter.window(at(4, 0, 0));

    assertThat(window.lastHour(CLICK)).isEqualTo(1 + 2 + 4);
    assertThat(window.lastDay(CLICK)).isEqualTo(1 + 2 + 4);
  }

  /**
   * An event older than the bucket its slot already holds is ignored by that ring only: too late
   * for the minute ring it still counts in the day through the hour ring, too late for both rings
   * it counts nowhere, and in neither case is it added to the newer bucket.
   */
  @Test
  void aLateEventOlderThanItsSlotsBucketIsIgnoredInThatRing() {
    ActivityCounter counter = new ActivityCounter();
    long newer = at(2, 0, 0);
    counter.record(FOLLOW, newer, 1);
    long minuteSlotLate = newer - ActivityCounter.MINUTE_SLOTS * 60L; // same minute slot
    counter.record(CLICK, minuteSlotLate, 5);

    ActivityWindow window = counter.window(newer + 60);
    assertThat(window.lastHour()).isEqualTo(counts(0, 0, 1, 0, 0));
    assertThat(window.lastDay()).isEqualTo(counts(0, 5, 1, 0, 0));

    ActivityCounter hourRing = new ActivityCounter();
    long later = at(40, 0, 0);
    hourRing.record(FOLLOW, later, 1);
    hourRing.record(CLICK, later - ActivityCounter.HOUR_SLOTS * 3_600L, 5); // same hour slot

    ActivityWindow nextHour = hourRing.window(at(41, 0, 0));
    assertThat(nextHour.lastDay()).isEqualTo(counts(0, 0, 1, 0, 0));
    assertThat(nextHour.lastHour()).isEqualTo(counts(0, 0, 1, 0, 0));
  }

  /**
   * A counter rebuilt slot by slot with {@link ActivityCounter#restoreSlot}, the way the Redis
   * store reads its hash back, gives the same windows as the counter that counted the events.
   */
  @Test
  void restoredSlotsGiveTheSameWindows() {
    Random random = new Random(11);
    ActivityCounter counted = new ActivityCounter();
    // slot -> {bucket, count per kind...} of the newest bucket the slot saw
    Map<Long, long[]> minuteSlots = new HashMap<>();
    Map<Long, long[]> hourSlots = new HashMap<>();
    long t = T0;
    for (int i = 0; i < 400; i++) {
      t += random.nextInt(900);
      ActivityKind kind = KINDS[random.nextInt(KINDS.length)];
      int count = 1 + random.nextInt(3);
      counted.record(kind, t, count);
      keepNewest(minuteSlots, ActivityCounter.MINUTE_SLOTS, ActivityCounter.minute(t), kind, count);
      keepNewest(hourSlots, ActivityCounter.HOUR_SLOTS, ActivityCounter.hour(t), kind, count);
    }
    ActivityCounter restored = new ActivityCounter();
    restore(restored, true, minuteSlots);
    restore(restored, false, hourSlots);

    for (long read = t; read < t + 2 * 86_400; read += 317) {
      assertThat(restored.window(read)).as("at %d", read).isEqualTo(counted.window(read));
    }
  }

  private static void keepNewest(
      Map<Long, long[]> slots, int size, long bucket, ActivityKind kind, int count) {
    long[] slot =
        slots.compute(
            Math.floorMod(bucket, (long) size),
            (key, held) -> held == null || held[0] < bucket ? newSlot(bucket) : held);
    if (slot[0] == bucket) {
      slot[1 + kind.ordinal()] += count;
    }
  }

  private static long[] newSlot(long bucket) {
    long[] slot = new long[1 + ActivityKind.COUNT];
    slot[0] = bucket;
    return slot;
  }

  private static void restore(
      ActivityCounter counter, boolean minuteRing, Map<Long, long[]> slots) {
    for (long[] slot : slots.values()) {
      int[] counts = new int[ActivityKind.COUNT];
      for (int k = 0; k < counts.length; k++) {
        counts[k] = Math.toIntExact(slot[1 + k]);
      }
      counter.restoreSlot(minuteRing, slot[0], counts);
    }
  }

  /** restoreSlot needs exactly one count per kind. */
  @Test
  void restoreSlotRefusesCountsOfTheWrongLength() {
    ActivityCounter counter = new ActivityCounter();

    assertThatThrownBy(() -> counter.restoreSlot(true, 10, new int[ActivityKind.COUNT - 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one count per activity kind is needed");
  }

  /**
   * Against a brute-force count over the raw events: events recorded in time order with gaps from
   * seconds to more than a day, and after each event many reads at random later times (minute and
   * hour boundaries included), give exactly the counts of the events in each window.
   */
  @Test
  void windowsEqualABruteForceCountOfTheRawEvents() {
    Random random = new Random(2024);
    ActivityCounter counter = new ActivityCounter();
    List<Event> events = new ArrayList<>();
    long t = T0 + random.nextInt(3600);
    int reads = 0;
    for (int i = 0; i < 2_000; i++) {
      t += gap(random);
      Event event = new Event(KINDS[random.nextInt(KINDS.length)], t, 1 + random.nextInt(5));
      counter.record(event.kind(), event.epochSecond(), event.count());
      events.add(event);
      for (int r = 0; r < 20; r++) {
        long read = readTimeAfter(t, random);
        assertThat(counter.window(read))
            .as("read at %d after %d events, the last at %d", read, events.size(), t)
            .isEqualTo(bruteForce(events, read));
        reads++;
      }
    }
    assertThat(reads).isEqualTo(40_000);
  }

  /** Mostly seconds to minutes apart, sometimes hours, now and then more than a day. */
  private static long gap(Random random) {
    int roll = random.nextInt(100);
    if (roll < 60) {
      return random.nextInt(120);
    }
    if (roll < 90) {
      return random.nextInt(3_600);
    }
    if (roll < 99) {
      return random.nextInt(6 * 3_600);
    }
    return 86_400 + random.nextInt(2 * 3_600);
  }

  /**
   * A time at or after {@code last}: often right on or next to a minute or hour boundary, or where
   * the event's minute or hour is about to leave a window.
   */
  private static long readTimeAfter(long last, Random random) {
    long read = last + random.nextInt(26 * 3_600);
    long minuteStart = last - Math.floorMod(last, 60);
    long hourStart = last - Math.floorMod(last, 3_600);
    long chosen =
        switch (random.nextInt(7)) {
          case 0 -> read - Math.floorMod(read, 60); // a minute boundary
          case 1 -> read - Math.floorMod(read, 3_600); // an hour boundary
          case 2 -> read - Math.floorMod(read, 60) - 1; // the last second of a minute
          case 3 -> last + random.nextInt(120); // right after the event
          case 4 -> minuteStart + 60 * (60 + random.nextInt(2)); // the event at m - 60 or m - 61
          case 5 -> hourStart + 3_600 * (24 + random.nextInt(2)); // at h - 24 or h - 25
          default -> read;
        };
    return Math.max(last, chosen);
  }

  private static ActivityWindow bruteForce(List<Event> events, long at) {
    long m = ActivityCounter.minute(at);
    long h = ActivityCounter.hour(at);
    int[] lastHour = new int[ActivityKind.COUNT];
    int[] lastDay = new int[ActivityKind.COUNT];
    for (Event event : events) {
      long minute = ActivityCounter.minute(event.epochSecond());
      long hour = ActivityCounter.hour(event.epochSecond());
      if (minute >= m - 60 && minute < m) {
        lastHour[event.kind().ordinal()] += event.count();
      }
      if ((hour >= h - 24 && hour < h) || (minute >= 60 * h && minute < m)) {
        lastDay[event.kind().ordinal()] += event.count();
      }
    }
    return new ActivityWindow(lastHour, lastDay);
  }
}
