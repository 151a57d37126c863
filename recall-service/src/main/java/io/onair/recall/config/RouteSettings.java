package io.onair.recall.config;

/**
 * How one route takes part in a request.
 *
 * @param quota how many of the route's best anchors are sure of a place in the merge, before the
 *     remaining places go to the best merged scores (1 to 10,000)
 * @param timeLimitMillis how long the route may take before it is dropped (1 to 60,000)
 * @param weight the route's weight in the merged score (0 to 100; 0 keeps the route for provenance
 *     and its quota only)
 */
public record RouteSettings(int quota, long timeLimitMillis, double weight) {
  public RouteSettings {
    if (quota < 1 || quota > 10_000) {
      throw new IllegalArgumentException("quota must be 1 to 10000, got " + quota);
    }
    if (timeLimitMillis < 1 || timeLimitMillis > 60_000) {
      throw new IllegalArgumentException(
          "timeLimitMillis must be 1 to 60000, got " + timeLimitMillis);
    }
    if (!(weight >= 0 && weight <= 100)) {
      throw new IllegalArgumentException("weight must be 0 to 100, got " + weight);
    }
  }

  public RouteSettings withTimeLimitMillis(long millis) {
    return new RouteSettings(quota, millis, weight);
  }
}
