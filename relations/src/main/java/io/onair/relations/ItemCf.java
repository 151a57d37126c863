package io.onair.relations;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.progress.Progress;
import java.util.Arrays;
import java.util.List;

/**
 * Item-based collaborative filtering over user baskets: IUF-weighted cosine similarity with
 * popularity damping,
 *
 * <pre>
 *   sim(i, j) = sum over users u who touched both i and j of 1 / ln(2 + |basket(u)|)
 *               -------------------------------------------------------------------
 *                            sqrt(n_i) * sqrt(n_j)
 * </pre>
 *
 * where {@code n_i} is the number of users who touched {@code i}. The numerator's inverse user
 * frequency (IUF) discounts heavy users, whose baskets pair almost everything with everything; the
 * cosine denominator damps popular ids, which otherwise become everyone's neighbour. We chose it
 * over Swing because Swing's pair weight needs, for every pair, the overlap of every two co-users'
 * baskets (quadratic in the co-users), while this needs only per-user pair emission and one sum per
 * pair, which is a plain map-reduce (docs/recall.md shows it on Spark), and on our data both rank
 * popular anchors down the same way.
 *
 * <p>The input is a partition of baskets (one distinct-id array per user); the result is a pure
 * function of it. Here it runs row by row: for each id {@code i}, the users of {@code i} and their
 * baskets are scanned into one dense accumulator, so memory is O(ids + pairs kept) and never
 * O(ids^2). Stateless and thread-safe.
 */
public final class ItemCf {
  private ItemCf() {}

  /**
   * The top {@code topN} neighbours of each of {@code idCount} ids.
   *
   * @param baskets each user's distinct ids (0 to idCount - 1); empty baskets are allowed
   */
  public static NeighbourTable similarities(
      List<int[]> baskets, int idCount, int topN, Progress progress, String stage) {
    requireNonNull(baskets, "baskets is null");
    requireNonNull(progress, "progress is null");
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be positive, got " + topN);
    }
    // Inverted index: id -> users who touched it, and per-user IUF weights.
    int[] userCountOf = new int[idCount];
    double[] userWeight = new double[baskets.size()];
    for (int u = 0; u < baskets.size(); u++) {
      int[] basket = baskets.get(u);
      userWeight[u] = 1.0 / Math.log(2 + basket.length);
      for (int id : basket) {
        userCountOf[id]++;
      }
    }
    int[] userOffsets = new int[idCount + 1];
    for (int i = 0; i < idCount; i++) {
      userOffsets[i + 1] = userOffsets[i] + userCountOf[i];
    }
    int[] usersOf = new int[userOffsets[idCount]];
    int[] fill = Arrays.copyOf(userOffsets, idCount);
    for (int u = 0; u < baskets.size(); u++) {
      for (int id : baskets.get(u)) {
        usersOf[fill[id]++] = u;
      }
    }

    double[] accumulator = new double[idCount];
    int[] touched = new int[idCount];
    int[] offsets = new int[idCount + 1];
    int[] neighbours = new int[16];
    float[] scores = new float[neighbours.length];
    int pairs = 0;
    progress.start(stage, idCount, "ids");
    TopN top = new TopN(topN);
    for (int i = 0; i < idCount; i++) {
      int touchedCount = 0;
      for (int p = userOffsets[i]; p < userOffsets[i + 1]; p++) {
        int u = usersOf[p];
        double w = userWeight[u];
        for (int j : baskets.get(u)) {
          if (j == i) {
            continue;
          }
          if (accumulator[j] == 0) {
            touched[touchedCount++] = j;
          }
          accumulator[j] += w;
        }
      }
      top.clear();
      double ni = Math.sqrt(userCountOf[i]);
      for (int t = 0; t < touchedCount; t++) {
        int j = touched[t];
        top.offer(j, accumulator[j] / (ni * Math.sqrt(userCountOf[j])));
        accumulator[j] = 0;
      }
      int kept = top.sortDescending();
      if (pairs + kept > neighbours.length) {
        int capacity = Math.max(pairs + kept, neighbours.length * 2);
        neighbours = Arrays.copyOf(neighbours, capacity);
        scores = Arrays.copyOf(scores, capacity);
      }
      for (int k = 0; k < kept; k++) {
        neighbours[pairs] = top.ids[k];
        scores[pairs] = (float) top.scores[k];
        pairs++;
      }
      offsets[i + 1] = pairs;
      progress.advance(1);
    }
    progress.finish(pairs + " pairs");
    return new NeighbourTable(
        offsets, Arrays.copyOf(neighbours, pairs), Arrays.copyOf(scores, pairs));
  }

  /** A bounded min-heap of (id, score); ties broken by the smaller id, so results are stable. */
  static final class TopN {
    final int[] ids;
    final double[] scores;
    private int size;

    TopN(int capacity) {
      ids = new int[capacity];
      scores = new double[capacity];
    }

    void clear() {
      size = 0;
    }

    /** True if (a, sa) ranks below (b, sb). */
    private static boolean worse(double sa, int a, double sb, int b) {
      return sa < sb || (sa == sb && a > b);
    }

    void offer(int id, double score) {
      if (size < ids.length) {
        ids[size] = id;
        scores[size] = score;
        siftUp(size++);
      } else if (worse(scores[0], ids[0], score, id)) {
        ids[0] = id;
        scores[0] = score;
        siftDown(0);
      }
    }

    /** Sorts the kept entries best first into the front of the arrays; returns their count. */
    int sortDescending() {
      int n = size;
      for (int end = n - 1; end > 0; end--) {
        swap(0, end);
        size = end;
        siftDown(0);
      }
      size = 0;
      return n;
    }

    private void siftUp(int k) {
      while (k > 0) {
        int parent = (k - 1) / 2;
        if (!worse(scores[k], ids[k], scores[parent], ids[parent])) {
          break;
        }
        swap(k, parent);
        k = parent;
      }
    }

    private void siftDown(int k) {
      while (true) {
        int left = 2 * k + 1;
        if (left >= size) {
          return;
        }
        int child = left;
        int right = left + 1;
        if (right < size && worse(scores[right], ids[right], scores[left], ids[left])) {
          child = right;
        }
        if (!worse(scores[child], ids[child], scores[k], ids[k])) {
          return;
        }
        swap(k, child);
        k = child;
      }
    }

    private void swap(int a, int b) {
      int id = ids[a];
      ids[a] = ids[b];
      ids[b] = id;
      double s = scores[a];
      scores[a] = scores[b];
      scores[b] = s;
    }
  }
}
