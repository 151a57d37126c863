package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.features.UserFeatures;

/**
 * What a route knows about one request. Immutable (the filter is thread-safe).
 *
 * @param user the user's features read once for the request (unknown users have empty histories)
 * @param scenario the validated scenario
 * @param referAnchor the refer room's index, or -1 for none (or unknown)
 * @param requestTime epoch seconds of the request
 * @param limit how many anchors the route should return at most (its list is cut there)
 * @param filter the anchors the request may return
 */
public record RouteContext(
    UserFeatures user,
    String scenario,
    int referAnchor,
    long requestTime,
    int limit,
    CandidateFilter filter) {
  public RouteContext {
    requireNonNull(user, "user is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(filter, "filter is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
  }
}
