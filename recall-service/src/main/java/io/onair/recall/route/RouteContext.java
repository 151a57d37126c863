package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.features.UserFeatures;
import io.onair.features.UserVectors;

/**
 * What a route knows about one request. Immutable (the filter is thread-safe).
 *
 * @param user the user's features read once for the request (unknown users have empty histories)
 * @param scenario the validated scenario
 * @param referAnchor the refer room's index, or -1 for none (or unknown)
 * @param requestTime epoch seconds of the request
 * @param limit how many anchors the route should return at most (its list is cut there)
 * @param filter the anchors the request may return
 * @param userVectors the user's pretrained vectors, read with the user when a vector route runs
 *     (empty otherwise, or when the user has none)
 */
public record RouteContext(
    UserFeatures user,
    String scenario,
    int referAnchor,
    long requestTime,
    int limit,
    CandidateFilter filter,
    UserVectors userVectors) {
  public RouteContext {
    requireNonNull(user, "user is null");
    requireNonNull(userVectors, "userVectors is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(filter, "filter is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
  }

  /** A context without user vectors (no vector route runs). */
  public RouteContext(
      UserFeatures user,
      String scenario,
      int referAnchor,
      long requestTime,
      int limit,
      CandidateFilter filter) {
    this(user, scenario, referAnchor, requestTime, limit, filter, UserVectors.empty());
  }
}
