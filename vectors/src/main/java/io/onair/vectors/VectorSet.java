package io.onair.vectors;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Vectors of one dimension keyed by id: the pretrained anchor vectors, or one modality's user
 * vectors. Rows are in {@link #ids()} order; {@link #data()} holds them row-major. Immutable (the
 * array from {@link #data()} is shared: never mutate it) and safe for concurrent use.
 */
public final class VectorSet {
  private final List<String> ids;
  private final float[] data;
  private final int dimension;
  private final Map<String, Integer> rows;

  private VectorSet(List<String> ids, float[] data, int dimension) {
    this.ids = ids;
    this.data = data;
    this.dimension = dimension;
    this.rows = new HashMap<>(ids.size() * 2);
    for (int row = 0; row < ids.size(); row++) {
      if (rows.put(ids.get(row), row) != null) {
        throw new IllegalArgumentException("id '" + ids.get(row) + "' appears twice");
      }
    }
  }

  /**
   * The vectors {@code rowMajor} (copied) of {@code ids}, {@code dimension} floats each.
   *
   * @throws IllegalArgumentException when the sizes disagree, an id repeats or a value is not
   *     finite
   */
  public static VectorSet of(List<String> ids, float[] rowMajor, int dimension) {
    requireNonNull(ids, "ids is null");
    requireNonNull(rowMajor, "rowMajor is null");
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    if ((long) ids.size() * dimension != rowMajor.length) {
      throw new IllegalArgumentException(
          ids.size()
              + " ids of dimension "
              + dimension
              + " need "
              + (long) ids.size() * dimension
              + " floats, got "
              + rowMajor.length);
    }
    for (int i = 0; i < rowMajor.length; i++) {
      if (!Float.isFinite(rowMajor[i])) {
        throw new IllegalArgumentException(
            "vector of '" + ids.get(i / dimension) + "' holds " + rowMajor[i]);
      }
    }
    for (String id : ids) {
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("ids must be non-empty strings");
      }
    }
    return new VectorSet(List.copyOf(ids), rowMajor.clone(), dimension);
  }

  /** Wraps arrays read from a trusted file without copying them. */
  static VectorSet wrap(List<String> ids, float[] rowMajor, int dimension) {
    return new VectorSet(ids, rowMajor, dimension);
  }

  public int size() {
    return ids.size();
  }

  public int dimension() {
    return dimension;
  }

  public List<String> ids() {
    return ids;
  }

  public String id(int row) {
    return ids.get(row);
  }

  /** The row of {@code id}, or -1 when the set does not hold it. */
  public int row(String id) {
    Integer row = rows.get(id);
    return row == null ? -1 : row;
  }

  /** A copy of the vector in {@code row}. */
  public float[] vector(int row) {
    float[] vector = new float[dimension];
    System.arraycopy(data, row * dimension, vector, 0, dimension);
    return vector;
  }

  /** All vectors, row-major, not copied: read only. */
  public float[] data() {
    return data;
  }

  /** The inner product of {@code query} with the vector in {@code row}. */
  public float dot(float[] query, int row) {
    if (query.length != dimension) {
      throw new IllegalArgumentException(
          "query has dimension " + query.length + ", the set " + dimension);
    }
    float sum = 0f;
    int base = row * dimension;
    for (int k = 0; k < dimension; k++) {
      sum += query[k] * data[base + k];
    }
    return sum;
  }
}
