package io.onair.dataset;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The live sessions of every anchor, indexed so that "is anchor a live at t" and "which anchors are
 * live at t" are cheap. Immutable and thread-safe.
 */
public final class LiveSchedule {
  private final int anchorCount;

  /** Sessions of anchor a are [offsets[a], offsets[a+1]) in starts/ends, sorted by start. */
  private final int[] offsets;

  private final long[] starts;
  private final long[] ends;

  /**
   * The latest end among an anchor's sessions up to and including this one (sessions may overlap).
   */
  private final long[] runningMaxEnd;

  /** Builds the index from sessions given in any order. */
  public LiveSchedule(int anchorCount, int[] anchor, long[] start, long[] end) {
    requireNonNull(anchor, "anchor is null");
    if (anchor.length != start.length || anchor.length != end.length) {
      throw new IllegalArgumentException("session columns differ in length");
    }
    this.anchorCount = anchorCount;
    int n = anchor.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int c = Integer.compare(anchor[x], anchor[y]);
          return c != 0 ? c : Long.compare(start[x], start[y]);
        });
    offsets = new int[anchorCount + 1];
    starts = new long[n];
    ends = new long[n];
    for (int i = 0; i < n; i++) {
      int s = order[i];
      starts[i] = start[s];
      ends[i] = end[s];
      offsets[anchor[s] + 1]++;
    }
    for (int a = 0; a < anchorCount; a++) {
      offsets[a + 1] += offsets[a];
    }
    runningMaxEnd = new long[n];
    for (int a = 0; a < anchorCount; a++) {
      long max = Long.MIN_VALUE;
      for (int i = offsets[a]; i < offsets[a + 1]; i++) {
        max = Math.max(max, ends[i]);
        runningMaxEnd[i] = max;
      }
    }
  }

  public int sessionCount() {
    return starts.length;
  }

  /** True when a session of {@code anchor} has start <= ts < end. */
  public boolean isLive(int anchor, long ts) {
    int from = offsets[anchor];
    int to = offsets[anchor + 1];
    int last = upperBound(starts, from, to, ts) - 1;
    return last >= from && runningMaxEnd[last] > ts;
  }

  /**
   * The start of the session of {@code anchor} live at {@code ts} that started last, or -1 when the
   * anchor is not live at {@code ts}.
   */
  public long liveSince(int anchor, long ts) {
    int from = offsets[anchor];
    int to = offsets[anchor + 1];
    for (int i = upperBound(starts, from, to, ts) - 1; i >= from; i--) {
      if (ends[i] > ts) {
        return starts[i];
      }
      if (runningMaxEnd[i] <= ts) {
        return -1;
      }
    }
    return -1;
  }

  /** Marks in {@code live} (length = anchor count) the anchors live at ts; returns their number. */
  public int liveAt(long ts, boolean[] live) {
    int count = 0;
    for (int a = 0; a < anchorCount; a++) {
      live[a] = isLive(a, ts);
      if (live[a]) {
        count++;
      }
    }
    return count;
  }

  /** The sessions of {@code anchor} as [start, end) pairs, sorted by start. */
  public long[][] sessions(int anchor) {
    int from = offsets[anchor];
    int to = offsets[anchor + 1];
    long[][] result = new long[to - from][];
    for (int i = from; i < to; i++) {
      result[i - from] = new long[] {starts[i], ends[i]};
    }
    return result;
  }

  private static int upperBound(long[] values, int from, int to, long key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
