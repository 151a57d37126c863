package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which anchors a request may return: live at the request time, not excluded by the request, not
 * recently shown to the user. Routes apply it while they walk their lists, so a quota is never
 * spent on an anchor that would be removed; the merge applies it again before answering. Counts
 * what it removed, by reason (an anchor met by several routes counts once per meeting).
 *
 * <p>Thread-safe: the sets are not modified after construction and the counters are atomic.
 */
public final class CandidateFilter {
  private final BitSet live;
  private final BitSet excluded;
  private final BitSet recentlyShown;
  private final AtomicInteger removedNotLive = new AtomicInteger();
  private final AtomicInteger removedExcluded = new AtomicInteger();
  private final AtomicInteger removedRecentlyShown = new AtomicInteger();

  /** The sets are owned by the filter from now on; callers must not modify them. */
  public CandidateFilter(BitSet live, BitSet excluded, BitSet recentlyShown) {
    this.live = requireNonNull(live, "live is null");
    this.excluded = requireNonNull(excluded, "excluded is null");
    this.recentlyShown = requireNonNull(recentlyShown, "recentlyShown is null");
  }

  /** True if the anchor may be returned; otherwise counts why not. */
  public boolean accept(int anchor) {
    if (!live.get(anchor)) {
      removedNotLive.incrementAndGet();
      return false;
    }
    if (excluded.get(anchor)) {
      removedExcluded.incrementAndGet();
      return false;
    }
    if (recentlyShown.get(anchor)) {
      removedRecentlyShown.incrementAndGet();
      return false;
    }
    return true;
  }

  /** True if the anchor may be returned, without counting. */
  public boolean allows(int anchor) {
    return live.get(anchor) && !excluded.get(anchor) && !recentlyShown.get(anchor);
  }

  /**
   * The live anchors, by index: the set itself, not a copy, so that searches over the live set can
   * recognise a live set they have seen. Never modify it.
   */
  public BitSet liveSet() {
    return live;
  }

  public boolean isLive(int anchor) {
    return live.get(anchor);
  }

  public int removedNotLive() {
    return removedNotLive.get();
  }

  public int removedExcluded() {
    return removedExcluded.get();
  }

  public int removedRecentlyShown() {
    return removedRecentlyShown.get();
  }
}
