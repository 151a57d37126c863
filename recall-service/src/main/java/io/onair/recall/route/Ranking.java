package io.onair.recall.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The one order of a route's list: score descending, ties by the lower anchor index. */
final class Ranking {
  static final Comparator<RouteCandidate> BEST_FIRST =
      Comparator.comparingDouble(RouteCandidate::score)
          .reversed()
          .thenComparingInt(RouteCandidate::anchor);

  private Ranking() {}

  /** Sorts {@code candidates} best first and keeps the first {@code limit} the filter accepts. */
  static List<RouteCandidate> top(
      List<RouteCandidate> candidates, CandidateFilter filter, int limit) {
    candidates.sort(BEST_FIRST);
    List<RouteCandidate> out = new ArrayList<>(Math.min(limit, candidates.size()));
    for (RouteCandidate c : candidates) {
      if (out.size() == limit) {
        break;
      }
      if (filter.accept(c.anchor())) {
        out.add(c);
      }
    }
    return out;
  }
}
