package io.onair.vectorindex;

import com.github.jelmerk.hnswlib.core.Item;

/** One vector in the HNSW graph, identified by its row. Serialized with the graph. */
record RowItem(Integer id, float[] vector) implements Item<Integer, float[]> {
  private static final long serialVersionUID = 1L;

  @Override
  public int dimensions() {
    return vector.length;
  }
}
