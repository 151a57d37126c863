package io.onair.recall.engine;

import static java.util.Objects.requireNonNull;

/**
 * How one route did in one request.
 *
 * @param route the route's name
 * @param status what happened
 * @param candidateCount anchors the route returned (before merging)
 * @param selectedCount merged anchors that carry this route
 * @param latencyMicros wall time of the route (for a dropped route: until it was dropped)
 * @param detail why a route was not OK, empty when OK
 */
public record RouteOutcome(
    String route,
    RouteStatus status,
    int candidateCount,
    int selectedCount,
    long latencyMicros,
    String detail) {
  public RouteOutcome {
    requireNonNull(route, "route is null");
    requireNonNull(status, "status is null");
    requireNonNull(detail, "detail is null");
  }

  RouteOutcome withSelected(int selected) {
    return new RouteOutcome(route, status, candidateCount, selected, latencyMicros, detail);
  }
}
