package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A validated Recommend request: the count resolved (0 became the default), the request time
 * resolved (0 became now), the request id assigned, and the time budget.
 */
public record RecommendQuery(
    String userId,
    String scenario,
    String referAnchorId,
    int count,
    boolean debug,
    long requestTime,
    Set<String> excludeAnchorIds,
    String requestId,
    Budget budget) {
  public RecommendQuery {
    requireNonNull(userId, "userId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    excludeAnchorIds = Set.copyOf(excludeAnchorIds);
    requireNonNull(requestId, "requestId is null");
    requireNonNull(budget, "budget is null");
  }

  List<String> excludeList() {
    return excludeAnchorIds.stream().sorted().toList();
  }
}
