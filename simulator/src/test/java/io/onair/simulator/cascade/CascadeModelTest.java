package io.onair.simulator.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.simulator.CascadeParameters;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The truth the model writes must be the exact marginal of the labels it draws: Monte Carlo
 * frequencies over many draws of one context must match it within sampling error.
 */
class CascadeModelTest {
  private static final int DRAWS = 100_000;

  private final CascadeModel model =
      new CascadeModel(CascadeParameters.defaults(), SimulationConfig.defaultScenarios());

  @Test
  void channelFrequenciesMatchTheTruth() {
    ImpressionContext context = context(0);
    context.position = 3;
    checkAgainstTruth(context);
  }

  @Test
  void swipeFrequenciesMatchTheTruthMixedOverTheHiddenReferLike() {
    ImpressionContext context = context(SimulationConfig.SWIPE);
    context.referLikeProbability = 0.6;
    context.referSimilarity = 0.8;
    checkAgainstTruth(context);
  }

  @Test
  void shortRemainingSessionCapsTheWatchTime() {
    ImpressionContext context = context(1);
    context.remainingSeconds = 60;
    context.promotion = true;
    int[] maxWatch = checkAgainstTruth(context);
    assertThat(maxWatch[0]).isLessThanOrEqualTo(60);
  }

  @Test
  void followingUsersNeverFollowAgain() {
    ImpressionContext context = context(0);
    context.following = true;
    ImpressionOutcome out = new ImpressionOutcome();
    RandomStream random = new RandomStream(1);
    for (int i = 0; i < 10_000; i++) {
      model.evaluate(context, random, out);
      assertThat(out.follow).isFalse();
      assertThat(out.pFollow).isZero();
    }
  }

  @Test
  void higherAffinityRaisesClickAndWatch() {
    ImpressionContext low = context(0);
    low.affinity = -0.2;
    ImpressionContext high = context(0);
    high.affinity = 0.8;
    ImpressionOutcome lowOut = new ImpressionOutcome();
    ImpressionOutcome highOut = new ImpressionOutcome();
    model.evaluate(low, new RandomStream(1), lowOut);
    model.evaluate(high, new RandomStream(1), highOut);
    assertThat(highOut.pClick).isGreaterThan(lowOut.pClick);
    assertThat(highOut.pView10s / highOut.pClick).isGreaterThan(lowOut.pView10s / lowOut.pClick);
  }

  private static ImpressionContext context(int scenario) {
    ImpressionContext c = new ImpressionContext();
    c.scenario = scenario;
    c.position = 1;
    c.affinity = 0.6;
    c.quality = 0.5;
    c.popularityZ = 0.3;
    c.userBias = 0.2;
    c.remainingSeconds = 3_600;
    c.categoryTaste = 0.7;
    c.propensity = 1.0;
    c.itemAffinity = 0.5;
    c.priceFit = -0.2;
    return c;
  }

  /** Returns the largest watch time seen (in a one-element array). */
  private int[] checkAgainstTruth(ImpressionContext context) {
    RandomStream random = new RandomStream(12345);
    ImpressionOutcome out = new ImpressionOutcome();
    long[] counts = new long[8];
    double[] truth = null;
    int maxWatch = 0;
    for (int i = 0; i < DRAWS; i++) {
      model.evaluate(context, random, out);
      double[] p = {
        out.pClick,
        out.pView10s,
        out.pLike,
        out.pComment,
        out.pFollow,
        out.pBagClick,
        out.pCart,
        out.pPurchase
      };
      if (truth == null) {
        truth = p;
      }
      assertThat(p).containsExactly(truth); // the truth depends on the context only
      boolean[] labels = {
        out.click,
        out.view10s,
        out.like,
        out.comment,
        out.follow,
        out.bagClick,
        out.cart,
        out.purchase
      };
      for (int t = 0; t < labels.length; t++) {
        if (labels[t]) {
          counts[t]++;
        }
      }
      // The cascade: no child without its parent.
      if (!out.click) {
        assertThat(out.view10s || out.like || out.comment || out.follow || out.bagClick).isFalse();
        assertThat(out.watchSeconds).isZero();
      }
      assertThat(!out.cart || out.bagClick).isTrue();
      assertThat(!out.purchase || out.cart).isTrue();
      if (context.scenario == SimulationConfig.SWIPE) {
        assertThat(out.view10s).isEqualTo(out.click);
      } else {
        assertThat(out.view10s).isEqualTo(out.watchSeconds >= 10);
      }
      maxWatch = Math.max(maxWatch, out.watchSeconds);
    }
    for (int t = 0; t < counts.length; t++) {
      double p = truth[t];
      double sigma = Math.sqrt(DRAWS * p * (1 - p));
      assertThat((double) counts[t])
          .as("target %d: %d draws, truth %.6f", t, counts[t], p)
          .isBetween(DRAWS * p - 4.5 * sigma - 1, DRAWS * p + 4.5 * sigma + 1);
    }
    return new int[] {maxWatch};
  }
}
