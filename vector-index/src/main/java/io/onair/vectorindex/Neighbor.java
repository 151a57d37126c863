package io.onair.vectorindex;

import java.util.Comparator;

/**
 * One search result.
 *
 * @param row the vector's row in the vectors the index was built over
 * @param score the inner product of the query and the vector, larger is better
 */
public record Neighbor(int row, float score) {
  /** Best first: score descending, ties by row ascending, so every index orders ties alike. */
  public static final Comparator<Neighbor> BEST_FIRST =
      Comparator.comparingDouble((Neighbor n) -> -n.score()).thenComparingInt(Neighbor::row);

  public Neighbor {
    if (row < 0) {
      throw new IllegalArgumentException("row must not be negative, got " + row);
    }
  }
}
