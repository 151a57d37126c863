package io.onair.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.onair.dataset.progress.Progress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemCfTest {
  @Test
  void iufWeightedCosineMatchesTheFormulaOnAHandExample() {
    // users: {0,1}, {0,1,2}, {2,3}
    List<int[]> baskets = List.of(new int[] {0, 1}, new int[] {0, 1, 2}, new int[] {2, 3});
    NeighbourTable t = ItemCf.similarities(baskets, 4, 10, Progress.NONE, "test");
    double w2 = 1 / Math.log(4);
    double w3 = 1 / Math.log(5);
    // sim(0,1) = (w2 + w3) / sqrt(2 * 2); sim(0,2) = w3 / sqrt(2 * 2)
    assertThat(t.neighbour(t.start(0))).isEqualTo(1);
    assertThat((double) t.score(t.start(0))).isCloseTo((w2 + w3) / 2, within(1e-6));
    assertThat(t.neighbour(t.start(0) + 1)).isEqualTo(2);
    assertThat((double) t.score(t.start(0) + 1)).isCloseTo(w3 / 2, within(1e-6));
    assertThat(t.end(0) - t.start(0)).isEqualTo(2); // 3 never co-occurs with 0
    // symmetric
    assertThat(t.neighbour(t.start(3))).isEqualTo(2);
    assertThat((double) t.score(t.start(3))).isCloseTo(w2 / Math.sqrt(2), within(1e-6));
  }

  @Test
  void keepsTheTopNBestFirstAndAgreesWithBruteForce() {
    Random random = new Random(7);
    int ids = 40;
    List<int[]> baskets =
        java.util.stream.IntStream.range(0, 200)
            .mapToObj(u -> random.ints(0, ids).distinct().limit(1 + random.nextInt(8)).toArray())
            .toList();
    int topN = 5;
    NeighbourTable t = ItemCf.similarities(baskets, ids, topN, Progress.NONE, "test");
    double[][] brute = new double[ids][ids];
    int[] n = new int[ids];
    for (int[] b : baskets) {
      for (int i : b) {
        n[i]++;
        for (int j : b) {
          if (i != j) {
            brute[i][j] += 1 / Math.log(2 + b.length);
          }
        }
      }
    }
    for (int i = 0; i < ids; i++) {
      assertThat(t.end(i) - t.start(i)).isLessThanOrEqualTo(topN);
      double previous = Double.POSITIVE_INFINITY;
      for (int p = t.start(i); p < t.end(i); p++) {
        int j = t.neighbour(p);
        double expected = brute[i][j] / Math.sqrt((double) n[i] * n[j]);
        assertThat((double) t.score(p)).isCloseTo(expected, within(1e-5));
        assertThat((double) t.score(p)).isLessThanOrEqualTo(previous);
        previous = t.score(p);
      }
      // nothing left out scores above the last kept one
      if (t.end(i) - t.start(i) == topN) {
        double last = t.score(t.end(i) - 1);
        java.util.Set<Integer> kept = new java.util.HashSet<>();
        for (int p = t.start(i); p < t.end(i); p++) {
          kept.add(t.neighbour(p));
        }
        for (int j = 0; j < ids; j++) {
          if (j != i && !kept.contains(j) && n[i] > 0 && n[j] > 0) {
            assertThat(brute[i][j] / Math.sqrt((double) n[i] * n[j]))
                .isLessThanOrEqualTo(last + 1e-6);
          }
        }
      }
    }
  }
}
