package io.onair.features;

/**
 * One broadcast of an anchor: live from {@code startEpochSecond} inclusive to {@code
 * endEpochSecond} exclusive. A session is identified by (anchorId, startEpochSecond): putting it
 * again with another end moves its end (a stream that runs longer than scheduled).
 *
 * @param anchorId non-empty anchor id
 * @param startEpochSecond first live second, >= 0
 * @param endEpochSecond first second no longer live, > startEpochSecond
 */
public record LiveSession(String anchorId, long startEpochSecond, long endEpochSecond) {
  public LiveSession {
    FeatureArguments.requireId(anchorId, "anchorId");
    FeatureArguments.requireEpochSecond(startEpochSecond, "startEpochSecond");
    if (endEpochSecond <= startEpochSecond) {
      throw new IllegalArgumentException(
          "endEpochSecond ("
              + endEpochSecond
              + ") must be after startEpochSecond ("
              + startEpochSecond
              + ") for anchor '"
              + anchorId
              + "'");
    }
  }

  /** True iff the anchor is live at {@code epochSecond}: start <= epochSecond < end. */
  public boolean isLiveAt(long epochSecond) {
    return startEpochSecond <= epochSecond && epochSecond < endEpochSecond;
  }
}
