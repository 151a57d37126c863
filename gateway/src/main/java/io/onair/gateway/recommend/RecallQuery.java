package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What the gateway asks recall for. Immutable. */
public record RecallQuery(
    String userId,
    String scenario,
    String referAnchorId,
    int count,
    List<String> excludeAnchorIds,
    long requestTime,
    boolean debug,
    String requestId) {
  public RecallQuery {
    requireNonNull(userId, "userId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    excludeAnchorIds = List.copyOf(excludeAnchorIds);
    requireNonNull(requestId, "requestId is null");
  }
}
