package io.onair.simulator;

import static io.onair.simulator.ParameterChecks.atLeast;
import static io.onair.simulator.ParameterChecks.atMost;
import static io.onair.simulator.ParameterChecks.finite;
import static io.onair.simulator.ParameterChecks.positive;

/**
 * The coefficients of the label cascade (docs/simulator.md gives the formulas they enter).
 * Notation: {@code a} user-anchor affinity, {@code q} anchor quality, {@code zpop} popularity
 * z-score, {@code F} 1 when the user follows the anchor, {@code s} the engagement of the watch-time
 * bucket ({@code W/(W+engagementHalfSeconds)}), {@code prop} purchase propensity, {@code ct} taste
 * for the anchor's category, {@code ai} user-item affinity, {@code fit} price fit (at most 0),
 * {@code promo} 1 during the promotion.
 *
 * @param clickQuality first-target weight of {@code q}; default 0.4
 * @param clickPopularity first-target weight of {@code zpop}; default 0.25
 * @param clickFollow first-target weight of {@code F}; default 1.0
 * @param referSimilarity swipe: weight of {@code likeRefer * sim(refer, anchor)}; default 2.5
 * @param referLikeBase swipe: {@code P(likeRefer) = sigmoid(referLikeBase + referLikeAffinity *
 *     a(u, refer))}; default -0.5
 * @param referLikeAffinity see above; default 4.0
 * @param watchShape shape (alpha) of the Lomax watch time given click; default 1.5
 * @param watchScaleSeconds scale of the Lomax at zero affinity, quality and follow; default 25
 * @param watchAffinity the scale is multiplied by {@code exp(watchAffinity * a + watchQuality * q +
 *     watchFollow * F)}; default 1.5
 * @param watchQuality see above; default 0.3
 * @param watchFollow see above; default 0.3
 * @param engagementHalfSeconds watch time at which the engagement {@code s} is one half; default
 *     120
 * @param watchGridPoints number K of watch-time buckets (quantiles {@code (k + 1/2) / K}) through
 *     which like, comment, follow and bag click see the watch time; default 16
 * @param likeBase like given click: {@code sigmoid(likeBase + likeAffinity * a + likeEngagement *
 *     s)}; default -4.0
 * @param likeAffinity default 1.5
 * @param likeEngagement default 2.5
 * @param commentBase comment given click, same form; default -5.0
 * @param commentAffinity default 1.0
 * @param commentEngagement default 2.0
 * @param followBase follow given click (0 when already following): {@code sigmoid(followBase +
 *     followAffinity * a + followEngagement * s + followQuality * q)}; default -6.0
 * @param followAffinity default 2.0
 * @param followEngagement default 2.5
 * @param followQuality default 0.3
 * @param bagPropensity bag click given click: {@code sigmoid(bagClickBase[scenario] + bagPropensity
 *     * prop + bagCategoryTaste * ct + bagEngagement * s + bagPromotion * promo)}; default 0.8
 * @param bagCategoryTaste default 1.5
 * @param bagEngagement default 1.0
 * @param bagPromotion default 0.3
 * @param cartBase cart given bag click: {@code sigmoid(cartBase + cartPropensity * prop +
 *     cartItemAffinity * ai + priceFitWeight * fit + cartPromotion * promo)}; default -2.2
 * @param cartPropensity default 0.8
 * @param cartItemAffinity default 1.5
 * @param cartPromotion default 0.4
 * @param purchaseBase purchase given cart: {@code sigmoid(purchaseBase + purchasePropensity * prop
 *     + priceFitWeight * fit + purchasePromotion * promo + purchaseFollow * F)}; default -0.8
 * @param purchasePropensity default 0.8
 * @param purchasePromotion default 0.8
 * @param purchaseFollow default 0.3
 * @param priceFitWeight weight of the price fit {@code -sensitivity * max(0, ln price - ln budget)}
 *     in cart and purchase (in and outside rooms); default 1.0
 * @param browseCollectBase outside rooms, collect given item click: {@code
 *     sigmoid(browseCollectBase + browseCollectAffinity * ai)}; default -2.5
 * @param browseCollectAffinity default 1.5
 * @param browseCartBase outside rooms, cart given item click: the in-room cart formula with this
 *     base; default -3.0
 * @param browseBuyBase outside rooms, buy given cart: the in-room purchase formula (without {@code
 *     F}) with this base; default -1.0
 */
public record CascadeParameters(
    double clickQuality,
    double clickPopularity,
    double clickFollow,
    double referSimilarity,
    double referLikeBase,
    double referLikeAffinity,
    double watchShape,
    double watchScaleSeconds,
    double watchAffinity,
    double watchQuality,
    double watchFollow,
    double engagementHalfSeconds,
    int watchGridPoints,
    double likeBase,
    double likeAffinity,
    double likeEngagement,
    double commentBase,
    double commentAffinity,
    double commentEngagement,
    double followBase,
    double followAffinity,
    double followEngagement,
    double followQuality,
    double bagPropensity,
    double bagCategoryTaste,
    double bagEngagement,
    double bagPromotion,
    double cartBase,
    double cartPropensity,
    double cartItemAffinity,
    double cartPromotion,
    double purchaseBase,
    double purchasePropensity,
    double purchasePromotion,
    double purchaseFollow,
    double priceFitWeight,
    double browseCollectBase,
    double browseCollectAffinity,
    double browseCartBase,
    double browseBuyBase) {

  public CascadeParameters {
    finite("clickQuality", clickQuality);
    finite("clickPopularity", clickPopularity);
    finite("clickFollow", clickFollow);
    finite("referSimilarity", referSimilarity);
    finite("referLikeBase", referLikeBase);
    finite("referLikeAffinity", referLikeAffinity);
    positive("watchShape", watchShape);
    positive("watchScaleSeconds", watchScaleSeconds);
    finite("watchAffinity", watchAffinity);
    finite("watchQuality", watchQuality);
    finite("watchFollow", watchFollow);
    positive("engagementHalfSeconds", engagementHalfSeconds);
    atLeast("watchGridPoints", watchGridPoints, 1);
    atMost("watchGridPoints", watchGridPoints, 256);
    finite("likeBase", likeBase);
    finite("likeAffinity", likeAffinity);
    finite("likeEngagement", likeEngagement);
    finite("commentBase", commentBase);
    finite("commentAffinity", commentAffinity);
    finite("commentEngagement", commentEngagement);
    finite("followBase", followBase);
    finite("followAffinity", followAffinity);
    finite("followEngagement", followEngagement);
    finite("followQuality", followQuality);
    finite("bagPropensity", bagPropensity);
    finite("bagCategoryTaste", bagCategoryTaste);
    finite("bagEngagement", bagEngagement);
    finite("bagPromotion", bagPromotion);
    finite("cartBase", cartBase);
    finite("cartPropensity", cartPropensity);
    finite("cartItemAffinity", cartItemAffinity);
    finite("cartPromotion", cartPromotion);
    finite("purchaseBase", purchaseBase);
    finite("purchasePropensity", purchasePropensity);
    finite("purchasePromotion", purchasePromotion);
    finite("purchaseFollow", purchaseFollow);
    finite("priceFitWeight", priceFitWeight);
    finite("browseCollectBase", browseCollectBase);
    finite("browseCollectAffinity", browseCollectAffinity);
    finite("browseCartBase", browseCartBase);
    finite("browseBuyBase", browseBuyBase);
  }

  public static CascadeParameters defaults() {
    return new CascadeParameters(
        /* clickQuality= */ 0.4,
        /* clickPopularity= */ 0.25,
        /* clickFollow= */ 1.0,
        /* referSimilarity= */ 2.5,
        /* referLikeBase= */ -0.5,
        /* referLikeAffinity= */ 4.0,
        /* watchShape= */ 1.5,
        /* watchScaleSeconds= */ 25,
        /* watchAffinity= */ 1.5,
        /* watchQuality= */ 0.3,
        /* watchFollow= */ 0.3,
        /* engagementHalfSeconds= */ 120,
        /* watchGridPoints= */ 16,
        /* likeBase= */ -4.0,
        /* likeAffinity= */ 1.5,
        /* likeEngagement= */ 2.5,
        /* commentBase= */ -5.0,
        /* commentAffinity= */ 1.0,
        /* commentEngagement= */ 2.0,
        /* followBase= */ -6.0,
        /* followAffinity= */ 2.0,
        /* followEngagement= */ 2.5,
        /* followQuality= */ 0.3,
        /* bagPropensity= */ 0.8,
        /* bagCategoryTaste= */ 1.5,
        /* bagEngagement= */ 1.0,
        /* bagPromotion= */ 0.3,
        /* cartBase= */ -2.2,
        /* cartPropensity= */ 0.8,
        /* cartItemAffinity= */ 1.5,
        /* cartPromotion= */ 0.4,
        /* purchaseBase= */ -0.8,
        /* purchasePropensity= */ 0.8,
        /* purchasePromotion= */ 0.8,
        /* purchaseFollow= */ 0.3,
        /* priceFitWeight= */ 1.0,
        /* browseCollectBase= */ -2.5,
        /* browseCollectAffinity= */ 1.5,
        /* browseCartBase= */ -3.0,
        /* browseBuyBase= */ -1.0);
  }
}
