package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A Recommend call as received, before validation: the request's fields and the time left until the
 * call's deadline ({@code deadlineNanos}, null when the call has no deadline).
 */
public record RecommendInput(
    String userId,
    String scenario,
    String referAnchorId,
    int count,
    boolean debug,
    long requestTime,
    List<String> excludeAnchorIds,
    String requestId,
    Long deadlineNanos) {
  public RecommendInput {
    requireNonNull(userId, "userId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    excludeAnchorIds = List.copyOf(excludeAnchorIds);
    requireNonNull(requestId, "requestId is null");
  }
}
