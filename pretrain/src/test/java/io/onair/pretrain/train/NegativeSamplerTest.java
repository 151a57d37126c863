package io.onair.pretrain.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NegativeSamplerTest {
  @Test
  void drawsInProportionToSmoothedCountsWithMatchingLogExpectedCounts() {
    long[] counts = {0, 15, 80, 255};
    NegativeSampler sampler = new NegativeSampler(counts, 3, 11);
    double[] weight = new double[counts.length];
    double total = 0;
    for (int a = 0; a < counts.length; a++) {
      weight[a] = Math.pow(counts[a] + 1, 0.75);
      total += weight[a];
    }
    long[] drawn = new long[counts.length];
    int rounds = 20_000;
    for (int r = 0; r < rounds; r++) {
      sampler.draw();
      for (int s = 0; s < sampler.samples(); s++) {
        drawn[sampler.drawn()[s]]++;
        assertThat(sampler.drawnLogQ()[s]).isEqualTo(sampler.logQ(sampler.drawn()[s]));
      }
    }
    for (int a = 0; a < counts.length; a++) {
      double expectedPerDraw = 3 * weight[a] / total;
      assertThat(Math.exp(sampler.logQ(a))).isCloseTo(expectedPerDraw, within(1e-3));
      assertThat((double) drawn[a] / rounds).isCloseTo(expectedPerDraw, within(0.05));
    }
  }

  @Test
  void atLeastTheAnchorCountIsAFullSoftmax() {
    NegativeSampler sampler = new NegativeSampler(new long[] {5, 0, 2}, 512, 1);
    sampler.draw();
    assertThat(sampler.samples()).isEqualTo(3);
    assertThat(sampler.drawn()).containsExactly(0, 1, 2);
    assertThat(sampler.drawnLogQ()).containsOnly(0f);
    assertThat(sampler.logQ(0)).isZero();
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(v);
  }
}
