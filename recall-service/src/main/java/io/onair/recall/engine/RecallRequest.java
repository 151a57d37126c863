package io.onair.recall.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One recall request in domain form, before validation against the configuration (the engine
 * validates; see {@link RequestValidator}). Immutable.
 *
 * @param userId the viewer
 * @param scenario the scenario string
 * @param referAnchorId the refer room, empty for none
 * @param count K; 0 = the configured default
 * @param excludeAnchorIds anchors never to return
 * @param requestTime epoch seconds at which liveness and recency are judged; 0 = now
 * @param debug whether to count what the merge removed
 * @param routes run only these routes; empty = the scenario's configured routes
 * @param requestId the caller's id, for logs
 */
public record RecallRequest(
    String userId,
    String scenario,
    String referAnchorId,
    int count,
    List<String> excludeAnchorIds,
    long requestTime,
    boolean debug,
    List<String> routes,
    String requestId) {
  public RecallRequest {
    requireNonNull(userId, "userId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    excludeAnchorIds = List.copyOf(requireNonNull(excludeAnchorIds, "excludeAnchorIds is null"));
    routes = List.copyOf(requireNonNull(routes, "routes is null"));
    requireNonNull(requestId, "requestId is null");
  }

  /** A plain request: no exclusions, all configured routes, no debug. */
  public static RecallRequest of(
      String userId, String scenario, String referAnchorId, int count, long requestTime) {
    return new RecallRequest(
        userId, scenario, referAnchorId, count, List.of(), requestTime, false, List.of(), "");
  }

  /** This request with only {@code route} run. */
  public RecallRequest onlyRoute(String route) {
    return new RecallRequest(
        userId,
        scenario,
        referAnchorId,
        count,
        excludeAnchorIds,
        requestTime,
        debug,
        List.of(route),
        requestId);
  }

  /** This request with debug counts. */
  public RecallRequest withDebug() {
    return new RecallRequest(
        userId,
        scenario,
        referAnchorId,
        count,
        excludeAnchorIds,
        requestTime,
        true,
        routes,
        requestId);
  }
}
