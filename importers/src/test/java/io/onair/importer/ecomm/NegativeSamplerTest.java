package io.onair.importer.ecomm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NegativeSamplerTest {
  @Test
  void drawsInProportionToWeight() {
    NegativeSampler sampler = new NegativeSampler(new double[] {1, 3, 6});
    int[] counts = new int[3];
    int draws = 20_000;
    Random random = new Random(11);
    for (int draw = 0; draw < draws; draw++) {
      int[] out = new int[1];
      sampler.sample(random, new boolean[3], 1, out);
      counts[out[0]]++;
    }
    assertThat(counts[0] / (double) draws).isCloseTo(0.1, within(0.02));
    assertThat(counts[1] / (double) draws).isCloseTo(0.3, within(0.02));
    assertThat(counts[2] / (double) draws).isCloseTo(0.6, within(0.02));
  }

  @Test
  void neverDrawsAnExcludedRoomNorOneTwice() {
    NegativeSampler sampler = new NegativeSampler(new double[] {5, 1, 1, 1, 1, 1});
    for (int seed = 0; seed < 500; seed++) {
      boolean[] excluded = new boolean[6];
      excluded[0] = true;
      int[] out = new int[4];
      int drawn = sampler.sample(new Random(seed), excluded, 4, out);

      assertThat(drawn).isEqualTo(4);
      assertThat(Arrays.stream(out).distinct().count()).isEqualTo(4);
      assertThat(out).doesNotContain(0);
      for (int room : out) {
        assertThat(excluded[room]).as("drawn rooms are marked excluded").isTrue();
      }
    }
  }

  @Test
  void drawsWhatIsLeftWhenExclusionsHoldAlmostAllTheWeight() {
    // The rejection attempts nearly always hit the excluded heavy room; the scan must still find
    // the light ones, and stop when none is left.
    NegativeSampler sampler = new NegativeSampler(new double[] {1e9, 1, 1, 0});
    boolean[] excluded = {true, false, false, false};
    int[] out = new int[3];

    int drawn = sampler.sample(new Random(1), excluded, 3, out);

    assertThat(drawn).isEqualTo(2);
    assertThat(Arrays.copyOf(out, drawn)).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void theSameSeedDrawsTheSameRooms() {
    double[] weights = new double[50];
    Arrays.setAll(weights, i -> 1 + i % 7);
    NegativeSampler sampler = new NegativeSampler(weights);
    int[] first = new int[10];
    int[] second = new int[10];
    sampler.sample(new Random(42), new boolean[50], 10, first);
    sampler.sample(new Random(42), new boolean[50], 10, second);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void refusesWeightsThatCannotBeSampled() {
    assertThatThrownBy(() -> new NegativeSampler(new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NegativeSampler(new double[] {1, -1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NegativeSampler(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
