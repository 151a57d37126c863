package io.onair.simulator.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStreamTest {
  @Test
  void isTheSplitMix64OfSplittableRandom() {
    for (long seed : new long[] {0, 1, -7, 0x1234_5678_9ABCL}) {
      RandomStream ours = new RandomStream(seed);
      SplittableRandom reference = new SplittableRandom(seed);
      for (int i = 0; i < 100; i++) {
        assertThat(ours.nextLong()).isEqualTo(reference.nextLong());
      }
    }
  }

  @Test
  void reseedRestartsTheStream() {
    RandomStream stream = new RandomStream(99);
    long first = stream.nextLong();
    stream.nextLong();
    assertThat(stream.reseed(99).nextLong()).isEqualTo(first);
  }

  @Test
  void seedsDependOnEveryCoordinate() {
    Seeds seeds = new Seeds(42);
    long base = seeds.seed(StreamKind.SESSION, 3, 4);
    assertThat(seeds.seed(StreamKind.SESSION, 3, 4)).isEqualTo(base);
    assertThat(seeds.seed(StreamKind.SESSION, 4, 3)).isNotEqualTo(base);
    assertThat(seeds.seed(StreamKind.SESSION, 3, 5)).isNotEqualTo(base);
    assertThat(seeds.seed(StreamKind.BROWSING, 3, 4)).isNotEqualTo(base);
    assertThat(new Seeds(43).seed(StreamKind.SESSION, 3, 4)).isNotEqualTo(base);
  }

  @Test
  void nextIntStaysInBoundsAndCoversThem() {
    RandomStream stream = new RandomStream(5);
    int[] counts = new int[7];
    for (int i = 0; i < 70_000; i++) {
      counts[stream.nextInt(7)]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(9_400, 10_600);
    }
    assertThatThrownBy(() -> stream.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void distributionsHaveTheirMoments() {
    RandomStream stream = new RandomStream(11);
    int n = 200_000;
    double sum = 0;
    double squares = 0;
    double poisson = 0;
    double poissonLarge = 0;
    for (int i = 0; i < n; i++) {
      double g = stream.nextGaussian();
      sum += g;
      squares += g * g;
      poisson += stream.nextPoisson(2.5);
      poissonLarge += stream.nextPoisson(40);
    }
    assertThat(sum / n).isCloseTo(0, within(0.01));
    assertThat(squares / n).isCloseTo(1, within(0.015));
    assertThat(poisson / n).isCloseTo(2.5, within(0.02));
    assertThat(poissonLarge / n).isCloseTo(40, within(0.1));
  }

  @Test
  void weightedChoiceFollowsTheWeights() {
    WeightedChoice choice = new WeightedChoice(new double[] {1, 0, 3});
    RandomStream stream = new RandomStream(3);
    int[] counts = new int[3];
    for (int i = 0; i < 40_000; i++) {
      counts[choice.sample(stream)]++;
    }
    assertThat(counts[1]).isZero();
    assertThat(counts[2] / 40_000.0).isCloseTo(0.75, within(0.01));
    assertThat(choice.probability(0)).isCloseTo(0.25, within(1e-12));
    assertThatThrownBy(() -> new WeightedChoice(new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
