package io.onair.recall.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums an expanding route's contributions per anchor and remembers, for each anchor, the id that
 * contributed most (its provenance {@code via}). One per route call; not thread-safe.
 */
final class ScoreAccumulator {
  private static final class Entry {
    double score;
    double best = Double.NEGATIVE_INFINITY;
    String via = "";
  }

  private final Map<Integer, Entry> entries = new HashMap<>();

  void add(int anchor, double contribution, String via) {
    Entry e = entries.computeIfAbsent(anchor, a -> new Entry());
    e.score += contribution;
    if (contribution > e.best) {
      e.best = contribution;
      e.via = via;
    }
  }

  /** The best {@code limit} anchors the filter accepts, best first (ties: lower index first). */
  List<RouteCandidate> top(CandidateFilter filter, int limit) {
    List<RouteCandidate> all = new ArrayList<>(entries.size());
    entries.forEach((anchor, e) -> all.add(new RouteCandidate(anchor, e.score, e.via)));
    return Ranking.top(all, filter, limit);
  }
}
