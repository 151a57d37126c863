package io.onair.ranking.features;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Encoded rows ready for the model: {@code ids} [rows, idsWidth], {@code numeric} [rows,
 * numericWidth], {@code scenario} [rows], row-major. A mutable buffer: fill it with {@link
 * FeatureEncoder#encode}, then make tensors. Not thread-safe; reuse one per thread.
 */
public final class EncodedBatch {
  private final FeatureLayout layout;
  private final int capacity;
  final int[] ids;
  final float[] numeric;
  final int[] scenario;
  private int rows;

  public EncodedBatch(FeatureLayout layout, int capacity) {
    this.layout = java.util.Objects.requireNonNull(layout, "layout is null");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.ids = new int[capacity * layout.idsWidth()];
    this.numeric = new float[capacity * layout.numericWidth()];
    this.scenario = new int[capacity];
  }

  public FeatureLayout layout() {
    return layout;
  }

  public int capacity() {
    return capacity;
  }

  /** The rows filled so far. */
  public int rows() {
    return rows;
  }

  /** Empties the batch (keeps its buffers). */
  public void clear() {
    rows = 0;
  }

  /** Claims the next row for writing; returns its index. */
  int nextRow() {
    if (rows == capacity) {
      throw new IllegalStateException("the batch is full (" + capacity + " rows)");
    }
    return rows++;
  }

  /** Copies row {@code row} of {@code source} (same layout) into the next row. */
  public void copyRow(EncodedBatch source, int row) {
    int target = nextRow();
    int iw = layout.idsWidth();
    int nw = layout.numericWidth();
    System.arraycopy(source.ids, row * iw, ids, target * iw, iw);
    System.arraycopy(source.numeric, row * nw, numeric, target * nw, nw);
    scenario[target] = source.scenario[row];
  }

  /**
   * Appends one already encoded row (for example received from elsewhere).
   *
   * @throws IllegalArgumentException when the widths do not match the layout
   */
  public void appendRow(int[] rowIds, float[] rowNumeric, int rowScenario) {
    if (rowIds.length != layout.idsWidth() || rowNumeric.length != layout.numericWidth()) {
      throw new IllegalArgumentException("the row's widths do not match the layout");
    }
    int target = nextRow();
    System.arraycopy(rowIds, 0, ids, target * rowIds.length, rowIds.length);
    System.arraycopy(rowNumeric, 0, numeric, target * rowNumeric.length, rowNumeric.length);
    scenario[target] = rowScenario;
  }

  public int scenario(int row) {
    return scenario[row];
  }

  public int id(int row, int column) {
    return ids[row * layout.idsWidth() + column];
  }

  public float numeric(int row, int column) {
    return numeric[row * layout.numericWidth() + column];
  }

  /** The {@code ids} input of the filled rows; the caller closes it. */
  public TInt32 idsTensor() {
    return TInt32.tensorOf(
        Shape.of(rows, layout.idsWidth()),
        DataBuffers.of(ids, true, false).narrow((long) rows * layout.idsWidth()));
  }

  /** The {@code numeric} input of the filled rows; the caller closes it. */
  public TFloat32 numericTensor() {
    return TFloat32.tensorOf(
        Shape.of(rows, layout.numericWidth()),
        DataBuffers.of(numeric, true, false).narrow((long) rows * layout.numericWidth()));
  }

  /** The {@code scenario} input of the filled rows; the caller closes it. */
  public TInt32 scenarioTensor() {
    return TInt32.tensorOf(Shape.of(rows), DataBuffers.of(scenario, true, false).narrow(rows));
  }
}
