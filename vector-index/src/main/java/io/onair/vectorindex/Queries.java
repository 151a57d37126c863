package io.onair.vectorindex;

import static java.util.Objects.requireNonNull;

/** The argument checks every search shares, so they refuse the same input the same way. */
final class Queries {
  private Queries() {}

  static void check(float[] query, int dimension, int k) {
    requireNonNull(query, "query is null");
    if (query.length != dimension) {
      throw new IllegalArgumentException(
          "query has dimension " + query.length + ", the index " + dimension);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive, got " + k);
    }
  }
}
