package io.onair.pretrain.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
  @Test
  void agreesWithAFullSortOnRandomScoresWithTies() {
    Random random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(300);
      float[] scores = new float[n];
      boolean[] allowed = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(20) == 0 ? Float.NEGATIVE_INFINITY : random.nextInt(50);
        allowed[i] = random.nextBoolean();
      }
      int k = 1 + random.nextInt(60);
      for (boolean[] filter : new boolean[][] {null, allowed}) {
        int[] expected =
            IntStream.range(0, n)
                .filter(i -> filter == null || filter[i])
                .filter(i -> scores[i] != Float.NEGATIVE_INFINITY)
                .boxed()
                .sorted(
                    Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
        int[] out = new int[k];
        int size = TopK.select(scores, filter, k, out);
        assertThat(Arrays.copyOf(out, size)).containsExactly(expected);
      }
    }
  }
}
