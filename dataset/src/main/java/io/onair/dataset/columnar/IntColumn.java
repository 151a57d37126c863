package io.onair.dataset.columnar;

import java.util.Arrays;

/** A growable column of ints, for streaming rows into a columnar form. Not thread-safe. */
public final class IntColumn {
  private int[] values = new int[1024];
  private int size;

  public void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(16, values.length + (values.length >> 1)));
    }
    values[size++] = value;
  }

  public int size() {
    return size;
  }

  /** The values as an array of exactly {@link #size()} elements. */
  public int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
