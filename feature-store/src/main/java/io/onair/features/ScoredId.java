package io.onair.features;

import java.util.Comparator;

/**
 * An id with a score, the element of a user history.
 *
 * <p>{@link #RANKING} is the one order of histories in every store: score descending, ties broken
 * by id descending in Unicode code point order. It is exactly the order of a Redis sorted set read
 * with ZREVRANGE (Redis compares members as UTF-8 bytes, which orders like code points), so the
 * in-memory and the Redis store keep and return the same entries even when scores tie.
 *
 * @param id non-empty id (an anchor or an item)
 * @param score finite score; {@code -0.0} is stored as {@code 0.0}, as Redis does
 */
public record ScoredId(String id, double score) {
  /** Score descending, then id descending by code point: the order of Redis ZREVRANGE. */
  public static final Comparator<ScoredId> RANKING =
      Comparator.comparingDouble(ScoredId::score)
          .reversed()
          .thenComparing((left, right) -> compareCodePoints(right.id(), left.id()));

  public ScoredId {
    FeatureArguments.requireId(id, "id");
    FeatureArguments.requireFinite(score, "score");
    // Adding 0.0 turns -0.0 into 0.0; Redis does not keep the sign of zero.
    score = score + 0.0;
  }

  /** Compares two strings by Unicode code point, the order of their UTF-8 bytes. */
  static int compareCodePoints(String left, String right) {
    int leftIndex = 0;
    int rightIndex = 0;
    while (leftIndex < left.length() && rightIndex < right.length()) {
      int leftCodePoint = left.codePointAt(leftIndex);
      int rightCodePoint = right.codePointAt(rightIndex);
      if (leftCodePoint != rightCodePoint) {
        return Integer.compare(leftCodePoint, rightCodePoint);
      }
      leftIndex += Character.charCount(leftCodePoint);
      rightIndex += Character.charCount(rightCodePoint);
    }
    return Integer.compare(left.length() - leftIndex, right.length() - rightIndex);
  }
}
