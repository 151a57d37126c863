package io.onair.pretrain.eval;

/**
 * Selects the indexes of the K highest scores, best first (ties: smaller index first), optionally
 * among allowed indexes only. Stateless.
 */
final class TopK {
  private TopK() {}

  /**
   * Writes into {@code out} the best {@code min(k, allowed)} indexes of {@code scores}, best first,
   * skipping {@code -Infinity} scores; returns their number.
   *
   * @param allowed null for every index
   */
  static int select(float[] scores, boolean[] allowed, int k, int[] out) {
    // a min-heap of the best k so far, by (score, -index)
    int size = 0;
    for (int i = 0; i < scores.length; i++) {
      if ((allowed != null && !allowed[i]) || scores[i] == Float.NEGATIVE_INFINITY) {
        continue;
      }
      if (size < k) {
        out[size] = i;
        siftUp(scores, out, size++);
      } else if (better(scores, i, out[0])) {
        out[0] = i;
        siftDown(scores, out, 0, size);
      }
    }
    for (int end = size - 1; end > 0; end--) {
      int swap = out[0];
      out[0] = out[end];
      out[end] = swap;
      siftDown(scores, out, 0, end);
    }
    return size;
  }

  /** True when index a ranks above index b. */
  private static boolean better(float[] scores, int a, int b) {
    return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
  }

  private static void siftUp(float[] scores, int[] heap, int k) {
    while (k > 0) {
      int parent = (k - 1) / 2;
      if (!better(scores, heap[parent], heap[k])) {
        break;
      }
      int swap = heap[k];
      heap[k] = heap[parent];
      heap[parent] = swap;
      k = parent;
    }
  }

  private static void siftDown(float[] scores, int[] heap, int k, int size) {
    while (true) {
      int left = 2 * k + 1;
      if (left >= size) {
        return;
      }
      int child = left;
      if (left + 1 < size && better(scores, heap[left], heap[left + 1])) {
        child = left + 1;
      }
      if (!better(scores, heap[k], heap[child])) {
        return;
      }
      int swap = heap[k];
      heap[k] = heap[child];
      heap[child] = swap;
      k = child;
    }
  }
}
