package io.onair.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  @Test
  void nearestRankPercentilesOfEverySample() {
    double[] millis = new double[100];
    for (int i = 0; i < 100; i++) {
      millis[i] = 100 - i; // 100 .. 1, unsorted
    }
    LatencySummary summary = LatencySummary.of(millis);
    assertThat(summary.p50()).isEqualTo(50);
    assertThat(summary.p90()).isEqualTo(90);
    assertThat(summary.p99()).isEqualTo(99);
    assertThat(summary.max()).isEqualTo(100);
    assertThat(summary.mean()).isEqualTo(50.5);
    assertThat(summary.samples()).isEqualTo(100);
    assertThat(millis[0]).as("input untouched").isEqualTo(100);
  }

  @Test
  void emptyAndSingleSeries() {
    assertThat(LatencySummary.of(List.of()).samples()).isZero();
    LatencySummary one = LatencySummary.of(List.of(2.5));
    assertThat(one.p50()).isEqualTo(2.5);
    assertThat(one.p99()).isEqualTo(2.5);
    assertThat(one.toMap()).containsEntry("p99_ms", 2.5).containsEntry("samples", 1);
  }
}
