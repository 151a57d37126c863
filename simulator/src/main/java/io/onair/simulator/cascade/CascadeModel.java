package io.onair.simulator.cascade;

import static java.util.Objects.requireNonNull;

import io.onair.simulator.CascadeParameters;
import io.onair.simulator.ScenarioParameters;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.random.RandomStream;
import java.util.List;

/**
 * The generative model of the label cascade of one impression, and its exact marginals.
 *
 * <p>First target: click, {@code sigmoid(z)} with {@code z = base[s] + affinityWeight[s] a +
 * clickQuality q + clickPopularity zpop + clickFollow F + bias_u - positionDecay[s] ln(position)}.
 * In swipe it is the 10-second view and a hidden coin {@code L ~ Bernoulli(P(likeRefer))} adds
 * {@code referSimilarity * L * sim(r, x)}; the marginal mixes both values of L.
 *
 * <p>Given the first target: watch time {@code W = min(R, o + lambda ((1-U)^(-1/alpha) - 1))}
 * (Lomax, {@code o} = 10 s in swipe, 0 elsewhere, {@code R} the seconds left in the live session,
 * {@code lambda = watchScale exp(watchAffinity a + watchQuality q + watchFollow F)}); view10s is
 * {@code floor(W) >= 10}, so {@code P(view10s | click) = (1 + 10/lambda)^(-alpha)} (1 in swipe).
 * Like, comment, follow and bag click see the watch time through its bucket {@code k = floor(U K)}:
 * their logits add {@code weight * s_k}, {@code s_k = W_k / (W_k + engagementHalfSeconds)} with
 * {@code W_k} the watch time at quantile {@code (k + 1/2) / K}. Because k is uniform on {0..K-1},
 * the true marginal {@code P(like) = P(click) * (1/K) sum_k sigmoid(z_like + likeEngagement s_k)}
 * is exact, not an approximation. Cart and purchase depend on the bag click only through the chain:
 * {@code P(cart) = P(bag) sigmoid(z_cart)}, {@code P(purchase) = P(cart) sigmoid(z_purchase)}.
 *
 * <p>Uniforms are drawn in a fixed order (swipe coin, first target, watch, like, comment, follow,
 * bag, cart, purchase), all of them for every impression. Not thread-safe: it keeps scratch arrays.
 */
public final class CascadeModel {
  private static final int MAX_POSITION = ScenarioParameters.MAX_SLATE;

  private final CascadeParameters parameters;
  private final ScenarioParameters[] scenarios;
  private final int gridPoints;

  /** Standard Lomax quantiles (scale 1) at (k + 1/2) / K. */
  private final double[] standardQuantiles;

  private final double[] logPosition = new double[MAX_POSITION + 1];
  private final double[] likeAt;
  private final double[] commentAt;
  private final double[] followAt;
  private final double[] bagAt;

  public CascadeModel(CascadeParameters parameters, List<ScenarioParameters> scenarios) {
    this.parameters = requireNonNull(parameters, "parameters is null");
    this.scenarios = scenarios.toArray(new ScenarioParameters[0]);
    this.gridPoints = parameters.watchGridPoints();
    this.standardQuantiles = new double[gridPoints];
    for (int k = 0; k < gridPoints; k++) {
      double q = (k + 0.5) / gridPoints;
      standardQuantiles[k] = StrictMath.pow(1 - q, -1 / parameters.watchShape()) - 1;
    }
    for (int p = 1; p <= MAX_POSITION; p++) {
      logPosition[p] = StrictMath.log(p);
    }
    likeAt = new double[gridPoints];
    commentAt = new double[gridPoints];
    followAt = new double[gridPoints];
    bagAt = new double[gridPoints];
  }

  public static double sigmoid(double z) {
    return 1 / (1 + StrictMath.exp(-z));
  }

  /** Draws the labels of one impression into {@code out} and writes their true marginals. */
  public void evaluate(ImpressionContext in, RandomStream random, ImpressionOutcome out) {
    CascadeParameters p = parameters;
    ScenarioParameters scenario = scenarios[in.scenario];
    boolean swipe = in.scenario == SimulationConfig.SWIPE;
    double follow = in.following ? 1 : 0;
    double promotion = in.promotion ? 1 : 0;

    // First target: click, or the 10-second view in swipe.
    double z =
        scenario.firstTargetBase()
            + scenario.affinityWeight() * in.affinity
            + p.clickQuality() * in.quality
            + p.clickPopularity() * in.popularityZ
            + p.clickFollow() * follow
            + in.userBias
            - scenario.positionDecay() * logPosition[in.position];
    boolean first;
    if (swipe) {
      double liked = sigmoid(z + p.referSimilarity() * in.referSimilarity);
      double notLiked = sigmoid(z);
      out.pClick = in.referLikeProbability * liked + (1 - in.referLikeProbability) * notLiked;
      boolean likesRefer = random.nextDouble() < in.referLikeProbability;
      first = random.nextDouble() < (likesRefer ? liked : notLiked);
      out.referLiked = likesRefer;
      out.pReferLiked = in.referLikeProbability;
    } else {
      out.referLiked = false;
      out.pReferLiked = 0;
      out.pClick = sigmoid(z);
      first = random.nextDouble() < out.pClick;
    }

    // Watch time and the engagement-dependent children, bucket by bucket.
    double scale =
        p.watchScaleSeconds()
            * StrictMath.exp(
                p.watchAffinity() * in.affinity
                    + p.watchQuality() * in.quality
                    + p.watchFollow() * follow);
    double offset = swipe ? 10 : 0;
    double remaining = in.remainingSeconds;
    double zLike = p.likeBase() + p.likeAffinity() * in.affinity;
    double zComment = p.commentBase() + p.commentAffinity() * in.affinity;
    double zFollow =
        p.followBase() + p.followAffinity() * in.affinity + p.followQuality() * in.quality;
    double zBag =
        scenario.bagClickBase()
            + p.bagPropensity() * in.propensity
            + p.bagCategoryTaste() * in.categoryTaste
            + p.bagPromotion() * promotion;
    double sumLike = 0;
    double sumComment = 0;
    double sumFollow = 0;
    double sumBag = 0;
    for (int k = 0; k < gridPoints; k++) {
      double w = Math.min(remaining, offset + scale * standardQuantiles[k]);
      double s = w / (w + p.engagementHalfSeconds());
      likeAt[k] = sigmoid(zLike + p.likeEngagement() * s);
      commentAt[k] = sigmoid(zComment + p.commentEngagement() * s);
      followAt[k] = in.following ? 0 : sigmoid(zFollow + p.followEngagement() * s);
      bagAt[k] = sigmoid(zBag + p.bagEngagement() * s);
      sumLike += likeAt[k];
      sumComment += commentAt[k];
      sumFollow += followAt[k];
      sumBag += bagAt[k];
    }
    double cartGivenBag =
        sigmoid(
            p.cartBase()
                + p.cartPropensity() * in.propensity
                + p.cartItemAffinity() * in.itemAffinity
                + p.priceFitWeight() * in.priceFit
                + p.cartPromotion() * promotion);
    double purchaseGivenCart =
        sigmoid(
            p.purchaseBase()
                + p.purchasePropensity() * in.propensity
                + p.priceFitWeight() * in.priceFit
                + p.purchasePromotion() * promotion
                + p.purchaseFollow() * follow);

    double viewGivenClick = swipe ? 1 : StrictMath.pow(1 + 10 / scale, -p.watchShape());
    out.pView10s = out.pClick * viewGivenClick;
    out.pLike = out.pClick * sumLike / gridPoints;
    out.pComment = out.pClick * sumComment / gridPoints;
    out.pFollow = out.pClick * sumFollow / gridPoints;
    out.pBagClick = out.pClick * sumBag / gridPoints;
    out.pCart = out.pBagClick * cartGivenBag;
    out.pPurchase = out.pCart * purchaseGivenCart;

    double uWatch = random.nextDouble();
    double uLike = random.nextDouble();
    double uComment = random.nextDouble();
    double uFollow = random.nextDouble();
    double uBag = random.nextDouble();
    double uCart = random.nextDouble();
    double uPurchase = random.nextDouble();
    out.click = first;
    if (!first) {
      out.view10s = false;
      out.watchSeconds = 0;
      out.like = false;
      out.comment = false;
      out.follow = false;
      out.bagClick = false;
      out.cart = false;
      out.purchase = false;
      return;
    }
    int k = Math.min(gridPoints - 1, (int) (uWatch * gridPoints));
    double lomax = scale * (StrictMath.pow(1 - uWatch, -1 / p.watchShape()) - 1);
    double watch = Math.min(remaining, offset + lomax);
    out.watchSeconds = (int) Math.floor(watch);
    out.view10s = out.watchSeconds >= 10;
    out.like = uLike < likeAt[k];
    out.comment = uComment < commentAt[k];
    out.follow = uFollow < followAt[k];
    out.bagClick = uBag < bagAt[k];
    out.cart = out.bagClick && uCart < cartGivenBag;
    out.purchase = out.cart && uPurchase < purchaseGivenCart;
  }
}
