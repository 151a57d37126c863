package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What the gateway asks ranking to score. Immutable. */
public record RankQuery(
    String userId,
    String scenario,
    String referAnchorId,
    List<Candidate> candidates,
    long requestTime,
    boolean debug,
    String requestId) {
  public RankQuery {
    requireNonNull(userId, "userId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    candidates = List.copyOf(candidates);
    requireNonNull(requestId, "requestId is null");
  }
}
