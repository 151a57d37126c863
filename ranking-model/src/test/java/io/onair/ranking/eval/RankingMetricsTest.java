package io.onair.ranking.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final int[] ALL = {0, 1, 2, 3, 4, 5};

  @Test
  void aucCountsOrderedPairsAndHalfTies() {
    float[] labels = {0, 0, 1, 1, 0, 1};
    // positives score .8, .4, .9; negatives .1, .4, .7: pairs won 3 + (1 + .5 tie) + 3 = 7.5 of 9
    float[] scores = {0.1f, 0.4f, 0.8f, 0.4f, 0.7f, 0.9f};
    assertThat(RankingMetrics.auc(scores, labels, ALL)).isCloseTo(7.5 / 9, within(1e-9));
    assertThat(RankingMetrics.auc(scores, new float[6], ALL)).isNaN();
  }

  @Test
  void groupAucWeighsUsersByRowsAndSkipsOneClassUsers() {
    float[] labels = {0, 1, 1, 0, 0, 1};
    float[] scores = {0.1f, 0.9f, 0.2f, 0.8f, 0.5f, 0.5f};
    int[] users = {7, 7, 8, 8, 9, 9};
    // user 7: AUC 1 (2 rows), user 8: AUC 0 (2 rows), user 9: tie, AUC .5 (2 rows)
    assertThat(RankingMetrics.groupAuc(scores, labels, users, ALL)).isCloseTo(0.5, within(1e-9));
    int[] oneUser = {0, 1, 2};
    // user 8 has one row here (label 1 only): skipped
    assertThat(RankingMetrics.groupAuc(scores, labels, users, oneUser))
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void logLossAndRegressionErrors() {
    float[] labels = {1, 0};
    float[] p = {0.8f, 0.4f};
    double expected = -(Math.log(0.8) + Math.log(0.6)) / 2;
    assertThat(RankingMetrics.logLoss(p, labels, new int[] {0, 1}))
        .isCloseTo(expected, within(1e-6));
    float[] values = {1, 2, 3};
    float[] predicted = {2, 4, 6};
    int[] rows = {0, 1, 2};
    assertThat(RankingMetrics.correlation(predicted, values, rows)).isCloseTo(1.0, within(1e-9));
    assertThat(RankingMetrics.rootMeanSquaredError(predicted, values, rows))
        .isCloseTo(Math.sqrt((1 + 4 + 9) / 3.0), within(1e-6));
  }
}
