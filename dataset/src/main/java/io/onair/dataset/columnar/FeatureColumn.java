package io.onair.dataset.columnar;

import io.onair.dataset.manifest.FeatureType;

/**
 * One declared feature column of users, anchors or items, in columnar form (row i belongs to the
 * entity with dense index i). Immutable once loaded; arrays must not be modified by callers.
 */
public sealed interface FeatureColumn {
  String name();

  FeatureType type();

  /** The value of row {@code row} as it was written in the file ("" when missing). */
  String text(int row);

  /** A categorical column: codes into a vocabulary, -1 where the cell was empty. */
  record Categorical(String name, IdDictionary vocabulary, int[] codes) implements FeatureColumn {
    @Override
    public FeatureType type() {
      return FeatureType.CATEGORICAL;
    }

    @Override
    public String text(int row) {
      return codes[row] < 0 ? "" : vocabulary.id(codes[row]);
    }
  }

  /** A numeric column: NaN where the cell was empty. */
  record Numeric(String name, float[] values) implements FeatureColumn {
    @Override
    public FeatureType type() {
      return FeatureType.NUMERIC;
    }

    @Override
    public String text(int row) {
      float v = values[row];
      return Float.isNaN(v)
          ? ""
          : (v == Math.rint(v) ? Long.toString((long) v) : Float.toString(v));
    }
  }

  /**
   * A list column ('|'-separated tokens): row i's tokens are {@code tokens[offsets[i] ..
   * offsets[i+1])}, codes into {@code vocabulary}.
   */
  record TokenList(String name, IdDictionary vocabulary, int[] offsets, int[] tokens)
      implements FeatureColumn {
    @Override
    public FeatureType type() {
      return FeatureType.LIST;
    }

    @Override
    public String text(int row) {
      StringBuilder sb = new StringBuilder();
      for (int i = offsets[row]; i < offsets[row + 1]; i++) {
        if (sb.length() > 0) {
          sb.append('|');
        }
        sb.append(vocabulary.id(tokens[i]));
      }
      return sb.toString();
    }
  }
}
