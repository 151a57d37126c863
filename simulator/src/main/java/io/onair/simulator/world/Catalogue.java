package io.onair.simulator.world;

/**
 * Which anchor sells which items (anchor_items.csv), as compressed rows: the items of anchor a are
 * items[offsets[a] .. offsets[a+1]), ascending. Every anchor sells at least one item of its own
 * category. Immutable.
 */
public final class Catalogue {
  private final int[] offsets;
  private final int[] items;

  Catalogue(int[] offsets, int[] items) {
    this.offsets = offsets;
    this.items = items;
  }

  /** Builds the rows from (anchor << 32 | item) pairs, sorting them and dropping repeats. */
  static Catalogue fromPairs(int anchors, long[] pairs, int size) {
    java.util.Arrays.sort(pairs, 0, size);
    int[] offsets = new int[anchors + 1];
    int[] items = new int[size];
    int n = 0;
    long previous = -1;
    for (int i = 0; i < size; i++) {
      long pair = pairs[i];
      if (pair == previous) {
        continue;
      }
      previous = pair;
      offsets[(int) (pair >>> 32) + 1]++;
      items[n++] = (int) pair;
    }
    for (int a = 0; a < anchors; a++) {
      offsets[a + 1] += offsets[a];
    }
    return new Catalogue(offsets, java.util.Arrays.copyOf(items, n));
  }

  public int anchors() {
    return offsets.length - 1;
  }

  public int size(int anchor) {
    return offsets[anchor + 1] - offsets[anchor];
  }

  public int item(int anchor, int index) {
    return items[offsets[anchor] + index];
  }

  /** Number of (anchor, item) rows. */
  public int rows() {
    return items.length;
  }
}
