package io.onair.recall.merge;

import static java.util.Objects.requireNonNull;

import io.onair.recall.route.RouteCandidate;
import java.util.List;

/**
 * One route's answer as the merge sees it.
 *
 * @param route the route's name
 * @param candidates best first
 * @param quota how many of its first candidates are sure of a place
 * @param weight its weight in the merged score
 */
public record RouteList(String route, List<RouteCandidate> candidates, int quota, double weight) {
  public RouteList {
    requireNonNull(route, "route is null");
    candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
    if (quota < 0) {
      throw new IllegalArgumentException("quota must not be negative, got " + quota);
    }
  }
}
