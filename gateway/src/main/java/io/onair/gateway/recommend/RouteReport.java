package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

/**
 * What happened to one recall route in one request, as recall reported it.
 *
 * @param detail why a route was not OK, empty when OK
 */
public record RouteReport(
    String route,
    State state,
    int candidateCount,
    int selectedCount,
    long latencyMicros,
    String detail) {
  /** The route's outcome (the wire's RouteStatus). */
  public enum State {
    OK,
    DROPPED_ERROR,
    DROPPED_DEADLINE,
    EMPTY,
    SKIPPED
  }

  public RouteReport {
    requireNonNull(route, "route is null");
    requireNonNull(state, "state is null");
    requireNonNull(detail, "detail is null");
  }

  public boolean dropped() {
    return state == State.DROPPED_ERROR || state == State.DROPPED_DEADLINE;
  }
}
