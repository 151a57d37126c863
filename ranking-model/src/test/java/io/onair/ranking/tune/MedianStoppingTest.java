package io.onair.ranking.tune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The median rule stops a trial only after the grace epochs and only below the finished median. */
class MedianStoppingTest {
  /** With no finished trial nothing is stopped; before the grace epochs nothing either. */
  @Test
  void needsAFinishedTrialAndTheGraceEpochs() {
    MedianStopping rule = new MedianStopping();
    assertThat(rule.stop(10, 0.1)).isFalse();
    rule.finished(new double[] {0.7, 0.8, 0.85, 0.86});
    assertThat(rule.stop(MedianStopping.GRACE_EPOCHS - 1, 0.1)).isFalse();
    assertThat(rule.stop(MedianStopping.GRACE_EPOCHS, 0.1)).isTrue();
  }

  /**
   * The comparison is with the median of the finished trials' best score by the same epoch, and a
   * trial that finished earlier keeps its final best.
   */
  @Test
  void comparesWithTheMedianBestByTheSameEpoch() {
    MedianStopping rule = new MedianStopping();
    rule.finished(new double[] {0.60, 0.70, 0.80, 0.90, 0.88});
    rule.finished(new double[] {0.50, 0.55, 0.60});
    rule.finished(new double[] {0.70, 0.75, 0.72, 0.78, 0.79});
    // by epoch 3 the best scores are 0.80, 0.60, 0.75: median 0.75
    assertThat(rule.stop(3, 0.74)).isTrue();
    assertThat(rule.stop(3, 0.75)).isFalse();
    // by epoch 5: 0.90, 0.60 (kept from its last epoch), 0.79: median 0.79
    assertThat(rule.stop(5, 0.78)).isTrue();
    assertThat(rule.stop(5, 0.80)).isFalse();
    // epochs beyond every finished trial compare with their final bests
    assertThat(rule.stop(12, 0.785)).isTrue();
  }

  /** An even number of finished trials takes the mean of the two middle ones. */
  @Test
  void anEvenCountAveragesTheMiddlePair() {
    MedianStopping rule = new MedianStopping();
    rule.finished(new double[] {0.6, 0.6, 0.6});
    rule.finished(new double[] {0.8, 0.8, 0.8});
    assertThat(rule.stop(3, 0.69)).isTrue();
    assertThat(rule.stop(3, 0.70)).isFalse();
  }
}
