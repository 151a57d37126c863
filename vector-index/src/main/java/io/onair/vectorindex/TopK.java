package io.onair.vectorindex;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code k} (row, score) pairs offered, kept in a binary heap of primitives whose root is
 * the worst kept pair, so an offer that cannot enter costs one comparison. Ties keep the lower row,
 * as {@link Neighbor#BEST_FIRST} orders them. Not thread-safe: one per search.
 */
final class TopK {
  private final int k;
  private final int[] rows;
  private final float[] scores;
  private int size;

  TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive, got " + k);
    }
    this.k = k;
    this.rows = new int[k];
    this.scores = new float[k];
  }

  /** The score an offer must beat to enter once full (ties by row), or -infinity until then. */
  float threshold() {
    return size < k ? Float.NEGATIVE_INFINITY : scores[0];
  }

  void offer(int row, float score) {
    if (size < k) {
      rows[size] = row;
      scores[size] = score;
      siftUp(size++);
    } else if (worse(rows[0], scores[0], row, score)) {
      rows[0] = row;
      scores[0] = score;
      siftDown(0);
    }
  }

  /** The kept pairs, best first. */
  List<Neighbor> best() {
    List<Neighbor> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Neighbor(rows[i], scores[i]));
    }
    out.sort(Neighbor.BEST_FIRST);
    return out;
  }

  /** True if (rowA, a) ranks below (rowB, b). */
  private static boolean worse(int rowA, float a, int rowB, float b) {
    return a < b || (a == b && rowA > rowB);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(rows[i], scores[i], rows[parent], scores[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && worse(rows[right], scores[right], rows[left], scores[left])) {
        worst = right;
      }
      if (!worse(rows[worst], scores[worst], rows[i], scores[i])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    int row = rows[a];
    rows[a] = rows[b];
    rows[b] = row;
    float score = scores[a];
    scores[a] = scores[b];
    scores[b] = score;
  }
}
