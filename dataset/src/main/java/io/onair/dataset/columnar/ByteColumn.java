package io.onair.dataset.columnar;

import java.util.Arrays;

/** A growable column of bytes, for streaming rows into a columnar form. Not thread-safe. */
public final class ByteColumn {
  private byte[] values = new byte[1024];
  private int size;

  public void add(byte value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(16, values.length + (values.length >> 1)));
    }
    values[size++] = value;
  }

  public int size() {
    return size;
  }

  /** The values as an array of exactly {@link #size()} elements. */
  public byte[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
