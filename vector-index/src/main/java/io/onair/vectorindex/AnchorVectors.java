package io.onair.vectorindex;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vectors a search is built over: ids and row-major floats, one row per id. Immutable: the
 * array is copied on construction and must not be changed through {@link #data()}.
 */
public final class AnchorVectors {
  private final List<String> ids;
  private final float[] data;
  private final int dimension;
  private final Map<String, Integer> rows;

  private AnchorVectors(List<String> ids, float[] data, int dimension) {
    this.ids = ids;
    this.data = data;
    this.dimension = dimension;
    this.rows = new HashMap<>(ids.size() * 2);
    for (int row = 0; row < ids.size(); row++) {
      if (rows.put(requireNonNull(ids.get(row), "ids has a null element"), row) != null) {
        throw new IllegalArgumentException("id '" + ids.get(row) + "' appears twice");
      }
    }
  }

  /**
   * The vectors of {@code ids}, {@code dimension} floats each, row-major in {@code rowMajor}.
   *
   * @throws IllegalArgumentException when the sizes disagree, an id repeats or a value is not
   *     finite
   */
  public static AnchorVectors of(List<String> ids, float[] rowMajor, int dimension) {
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
    return new AnchorVectors(List.copyOf(ids), rowMajor.clone(), dimension);
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

  /** The row of {@code id}, or -1. */
  public int row(String id) {
    Integer row = rows.get(id);
    return row == null ? -1 : row;
  }

  /** Every vector, row-major; shared, never change it. */
  public float[] data() {
    return data;
  }

  /** A copy of one row's vector. */
  public float[] vector(int row) {
    float[] vector = new float[dimension];
    System.arraycopy(data, row * dimension, vector, 0, dimension);
    return vector;
  }
}
