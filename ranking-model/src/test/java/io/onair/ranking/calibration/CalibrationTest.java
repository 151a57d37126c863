package io.onair.ranking.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.ranking.eval.RankingMetrics;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Platt scaling fixes an over-confident score, keeps its order, and declines too few positives. */
class CalibrationTest {
  @Test
  void anOverConfidentScoreIsCalibratedAndItsOrderKept() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 20_000;
    float[] predictions = new float[n];
    float[] labels = new float[n];
    for (int i = 0; i < n; i++) {
      double logit = random.nextGaussian() - 2.5;
      double truth = 1 / (1 + Math.exp(-logit));
      labels[i] = random.nextDouble() < truth ? 1 : 0;
      // three times too sharp, and shifted
      predictions[i] = (float) (1 / (1 + Math.exp(-(3 * logit + 1))));
    }
    int[] rows = IntStream.range(0, n).toArray();
    Calibration.Platt platt = Calibration.fitTarget(predictions, labels, rows);
    assertThat(platt).isNotNull();
    assertThat(platt.slope()).isBetween(0.25, 0.45);
    float[] calibrated = new float[n];
    for (int i = 0; i < n; i++) {
      calibrated[i] = platt.apply(predictions[i]);
    }
    double before = RankingMetrics.expectedCalibrationError(predictions, labels, rows);
    double after = RankingMetrics.expectedCalibrationError(calibrated, labels, rows);
    assertThat(after).isLessThan(before / 3);
    assertThat(RankingMetrics.logLoss(calibrated, labels, rows))
        .isLessThan(RankingMetrics.logLoss(predictions, labels, rows));
    assertThat(RankingMetrics.auc(calibrated, labels, rows))
        .isCloseTo(
            RankingMetrics.auc(predictions, labels, rows),
            org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void tooFewPositivesAreLeftAlone() {
    float[] predictions = new float[1000];
    float[] labels = new float[1000];
    for (int i = 0; i < 1000; i++) {
      predictions[i] = i / 1000f;
      labels[i] = i >= 1000 - Calibration.MIN_POSITIVES + 1 ? 1 : 0;
    }
    assertThat(Calibration.fitTarget(predictions, labels, IntStream.range(0, 1000).toArray()))
        .isNull();
  }

  @Test
  void perfectlySeparatedScoresStillGiveAFiniteMap() {
    float[] predictions = new float[1000];
    float[] labels = new float[1000];
    for (int i = 0; i < 1000; i++) {
      labels[i] = i % 10 == 0 ? 1 : 0;
      predictions[i] = labels[i] > 0 ? 0.6f : 0.4f;
    }
    Calibration.Platt platt =
        Calibration.fitTarget(predictions, labels, IntStream.range(0, 1000).toArray());
    assertThat(platt).isNotNull();
    assertThat(platt.apply(0.6f)).isLessThan(1f).isGreaterThan(0.9f);
    assertThat(platt.apply(0.4f)).isGreaterThan(0f).isLessThan(0.1f);
  }
}
