package io.onair.recall.route;

/**
 * One anchor a route recalled.
 *
 * @param anchor the anchor's index in the {@link RelationTables}
 * @param score the route's own score, higher is better; comparable within the route only
 * @param viaId what the route expanded from (watched anchor, item, refer room), empty if none
 */
public record RouteCandidate(int anchor, double score, String viaId) {
  public RouteCandidate {
    if (anchor < 0) {
      throw new IllegalArgumentException("anchor must not be negative, got " + anchor);
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, got " + score);
    }
    if (viaId == null) {
      throw new NullPointerException("viaId is null");
    }
  }
}
