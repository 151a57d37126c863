package io.onair.ranking.serving.rank;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A ranking request in domain terms (the gRPC edge converts {@code RankRequest} to it). Values are
 * as received; {@link RequestValidator} checks them. Immutable.
 *
 * @param userId the viewer
 * @param scenario the scenario name
 * @param referAnchorId the refer room, empty for none
 * @param anchorIds the candidates, in request order
 * @param requestTime epoch seconds, 0 = now
 * @param debug whether the caller wants stage latencies
 * @param modelName the model to use, empty = the scenario's configured one
 * @param requestId the caller's id for log correlation, may be empty
 */
public record RankQuery(
    String userId,
    String scenario,
    String referAnchorId,
    List<String> anchorIds,
    long requestTime,
    boolean debug,
    String modelName,
    String requestId) {
  public RankQuery {
    requireNonNull(userId, "userId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    anchorIds = List.copyOf(requireNonNull(anchorIds, "anchorIds is null"));
    requireNonNull(modelName, "modelName is null");
    requireNonNull(requestId, "requestId is null");
  }
}
