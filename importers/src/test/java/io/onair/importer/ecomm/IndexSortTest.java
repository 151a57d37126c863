package io.onair.importer.ecomm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexSortTest {
  @Test
  void sortsIndicesStablyLikeTheJdkSort() {
    Random random = new Random(3);
    for (int size : new int[] {0, 1, 2, 3, 7, 64, 1000, 1025}) {
      int[] keys = random.ints(size, 0, 10).toArray();

      int[] sorted = IndexSort.sorted(size, (a, b) -> Integer.compare(keys[a], keys[b]));

      int[] expected =
          IntStream.range(0, size)
              .boxed()
              .sorted(Comparator.comparingInt(i -> keys[i])) // List.sort is stable
              .mapToInt(Integer::intValue)
              .toArray();
      assertThat(sorted).as("size %d", size).isEqualTo(expected);
    }
  }
}
