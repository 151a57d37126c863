package io.onair.vectorindex;

import static java.util.Objects.requireNonNull;

import io.onair.vectors.VectorSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Exact top-k by inner product: one pass over the covered vectors, packed contiguously (a subset,
 * such as the live anchors, is copied into its own array so the scan reads memory in order). The
 * reference every approximate search is measured against, and the live-only search below the
 * crossover size. Immutable and thread-safe.
 */
public final class ExactSearch implements VectorSearch {
  private final int dimension;
  private final int[] rows;
  private final float[] packed;

  private ExactSearch(int dimension, int[] rows, float[] packed) {
    this.dimension = dimension;
    this.rows = rows;
    this.packed = packed;
  }

  /** Over every vector. */
  public static ExactSearch over(VectorSet vectors) {
    requireNonNull(vectors, "vectors is null");
    int[] rows = new int[vectors.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return new ExactSearch(vectors.dimension(), rows, vectors.data());
  }

  /** Over the given rows only (copied into a packed array). */
  public static ExactSearch over(VectorSet vectors, int[] rows) {
    requireNonNull(vectors, "vectors is null");
    requireNonNull(rows, "rows is null");
    int dimension = vectors.dimension();
    float[] packed = new float[rows.length * dimension];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= vectors.size()) {
        throw new IllegalArgumentException(
            "row " + rows[i] + " is outside 0.." + (vectors.size() - 1));
      }
      System.arraycopy(vectors.data(), rows[i] * dimension, packed, i * dimension, dimension);
    }
    return new ExactSearch(dimension, rows.clone(), packed);
  }

  @Override
  public int size() {
    return rows.length;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String kind() {
    return "exact";
  }

  @Override
  public List<Neighbor> search(float[] query, int k, IntPredicate accept) {
    Queries.check(query, dimension, k);
    requireNonNull(accept, "accept is null");
    TopK top = new TopK(Math.min(k, Math.max(1, rows.length)));
    for (int i = 0; i < rows.length; i++) {
      float score = InnerProduct.dot(query, packed, i * dimension);
      // Cheap score test first: the predicate is only asked about vectors that could enter.
      if (score >= top.threshold() && accept.test(rows[i])) {
        top.offer(rows[i], score);
      }
    }
    return top.best();
  }
}
