package io.onair.importer.ecomm;

import io.onair.dataset.progress.Progress;
import java.util.Locale;

/**
 * Gives every event a time. The source has only a date, so the time within the day is made up by a
 * fixed rule that keeps the purchase funnel in order:
 *
 * <ol>
 *   <li>a user's events of one day are grouped by item, items in the order of their first record in
 *       the source;
 *   <li>within an item, events go click, collect, cart, buy (source order among equals), because
 *       the source order sometimes has the cart before the click;
 *   <li>the day's {@code n} events are spread evenly over the UTC day: event {@code k} (0-based)
 *       gets {@code day start + (2k + 1) * 86400 / (2n)} seconds, the middle of its slot.
 * </ol>
 *
 * <p>The result is the events in that user-day order (grouped by user, then day), the group
 * boundaries, each event's time, and a chronological order for writing. Immutable.
 */
final class EventTimeline {
  static final int SECONDS_PER_DAY = 86_400;

  private final int[] order;
  private final int[] groupStart;
  private final long[] ts;

  private EventTimeline(int[] order, int[] groupStart, long[] ts) {
    this.order = order;
    this.groupStart = groupStart;
    this.ts = ts;
  }

  static EventTimeline of(EcommEvents events, Progress progress) {
    int n = events.size();
    progress.start("ordering each user's day of events", n, "events");
    int[] byItem =
        IndexSort.sorted(
            n,
            (a, b) -> {
              int c = compareUserDay(events, a, b);
              return c != 0 ? c : Integer.compare(events.item(a), events.item(b));
            });
    // The first source record of the item in that user-day; byItem is in source order within a run.
    int[] firstOfItem = new int[n];
    for (int i = 0; i < n; ) {
      int first = byItem[i];
      int j = i;
      while (j < n
          && compareUserDay(events, first, byItem[j]) == 0
          && events.item(first) == events.item(byItem[j])) {
        firstOfItem[byItem[j]] = first;
        j++;
      }
      i = j;
    }
    int[] order =
        IndexSort.sorted(
            n,
            (a, b) -> {
              int c = compareUserDay(events, a, b);
              if (c == 0) {
                c = Integer.compare(firstOfItem[a], firstOfItem[b]);
              }
              if (c == 0) {
                c = events.behaviour(a).compareTo(events.behaviour(b));
              }
              return c != 0 ? c : Integer.compare(a, b);
            });

    long[] ts = new long[n];
    int groups = 0;
    int[] starts = new int[n + 1];
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && compareUserDay(events, order[i], order[j]) == 0) {
        j++;
      }
      long dayStart = (long) events.day(order[i]) * SECONDS_PER_DAY;
      long size = j - i;
      for (int k = 0; k < size; k++) {
        ts[order[i + k]] = dayStart + (2L * k + 1) * SECONDS_PER_DAY / (2 * size);
      }
      starts[groups++] = i;
      i = j;
    }
    starts[groups] = n;
    int[] groupStart = new int[groups + 1];
    System.arraycopy(starts, 0, groupStart, 0, groups + 1);
    progress.advance(n);
    progress.finish(String.format(Locale.ROOT, "%,d user-days", groups));
    return new EventTimeline(order, groupStart, ts);
  }

  private static int compareUserDay(EcommEvents events, int a, int b) {
    int c = Integer.compare(events.user(a), events.user(b));
    return c != 0 ? c : Integer.compare(events.day(a), events.day(b));
  }

  /** The number of (user, day) groups. */
  int userDays() {
    return groupStart.length - 1;
  }

  /** The first position in {@link #event} of group {@code g}. */
  int groupStart(int group) {
    return groupStart[group];
  }

  /** One past the last position of group {@code g}. */
  int groupEnd(int group) {
    return groupStart[group + 1];
  }

  /** The event at a position of the user-day order. */
  int event(int position) {
    return order[position];
  }

  /** The time given to an event (epoch seconds). */
  long ts(int event) {
    return ts[event];
  }

  /**
   * The events in time order; events at the same second go in user-day order (users in users.csv
   * order).
   */
  int[] chronological() {
    int[] rank = new int[order.length];
    for (int p = 0; p < order.length; p++) {
      rank[order[p]] = p;
    }
    return IndexSort.sorted(
        order.length,
        (a, b) -> {
          int c = Long.compare(ts[a], ts[b]);
          return c != 0 ? c : Integer.compare(rank[a], rank[b]);
        });
  }
}
