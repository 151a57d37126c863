package io.onair.importer.ecomm;

/**
 * Sorts the indices {@code 0 .. size-1} of parallel primitive columns by a comparator over indices,
 * without boxing: a stable bottom-up merge sort, O(n log n) time and one scratch array.
 */
final class IndexSort {
  /** Compares two row indices. */
  @FunctionalInterface
  interface IndexComparator {
    int compare(int left, int right);
  }

  private IndexSort() {}

  /** The indices {@code 0 .. size-1} ordered by {@code comparator}; equal rows keep index order. */
  static int[] sorted(int size, IndexComparator comparator) {
    int[] source = new int[size];
    for (int i = 0; i < size; i++) {
      source[i] = i;
    }
    int[] target = new int[size];
    for (int width = 1; width < size; width *= 2) {
      for (int low = 0; low < size; low += 2 * width) {
        int middle = Math.min(low + width, size);
        int high = Math.min(low + 2 * width, size);
        int left = low;
        int right = middle;
        int out = low;
        while (left < middle && right < high) {
          target[out++] =
              comparator.compare(source[right], source[left]) < 0
                  ? source[right++]
                  : source[left++];
        }
        while (left < middle) {
          target[out++] = source[left++];
        }
        while (right < high) {
          target[out++] = source[right++];
        }
      }
      int[] swap = source;
      source = target;
      target = swap;
    }
    return source;
  }
}
