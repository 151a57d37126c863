package io.onair.simulator;

import static io.onair.simulator.ParameterChecks.nonNegative;
import static io.onair.simulator.ParameterChecks.positive;
import static io.onair.simulator.ParameterChecks.probability;

/**
 * Who comes when, and what the logging policy shows them.
 *
 * @param sessionsPerUserDay mean sessions per user and day at activity 1 (a user's count is Poisson
 *     with mean {@code sessionsPerUserDay * activity * dayFactor}); tiny 1.4, small 1.4, medium
 *     1.0, large 0.25
 * @param weekendTrafficFactor day factor on Saturdays and Sundays; default 1.15
 * @param promotionTrafficFactor day factor during the promotion (multiplies the weekend factor);
 *     default 1.25
 * @param habitualHourShare share of a user's sessions drawn around the user's habitual hour, the
 *     rest follow the global daily curve; default 0.6
 * @param habitualHourSpread standard deviation in hours around the habitual hour; default 1.5
 * @param homeScenarioShare share of a user's sessions in the user's home scenario (drawn once from
 *     the scenario shares), the rest drawn from the shares, so the overall mix equals the shares;
 *     default 0.5
 * @param policyPopularityWeight weight of the policy route "popular live anchors" (popularity
 *     weighted); the four route weights are normalised; default 0.35
 * @param policyFollowWeight weight of "live anchors the user follows"; default 0.20
 * @param policyCategoryWeight weight of "live anchors of one of the user's favourite categories"
 *     (popularity weighted within the category); default 0.30
 * @param policyExploreWeight weight of "any live anchor, uniformly" (exploration); default 0.15
 * @param policyRankPopularity the policy orders its slate by {@code rankPopularity * z_pop +
 *     rankFollow * follows + rankNoise * Gumbel}; default 0.5
 * @param policyRankFollow see above; default 1.0
 * @param policyRankNoise see above; default 1.0
 * @param referLikedShare in swipe, share of refer rooms found through the user's taste (the best of
 *     three live anchors of a favourite category); the rest are popular live rooms the user may not
 *     like (a task, a clickbait title); default 0.75
 * @param swipeReferCategoryShare in swipe, share of slate draws from live anchors of the refer
 *     room's category; the rest use the policy routes; default 0.5
 * @param favouriteCategoryShare share of category draws (policy category route, product browsing,
 *     initial follows) from the user's favourite categories, the rest by category popularity;
 *     default 0.85
 * @param browsesPerSession product browses outside live rooms per live-room session: a user's
 *     browses on a day are Poisson with mean {@code browsesPerSession * sessionsPerUserDay *
 *     activity * dayFactor}, so product history keeps the same weight in every preset; each browse
 *     is an item click that may cascade to collect, cart and buy; default 0.5
 */
public record TrafficParameters(
    double sessionsPerUserDay,
    double weekendTrafficFactor,
    double promotionTrafficFactor,
    double habitualHourShare,
    double habitualHourSpread,
    double homeScenarioShare,
    double policyPopularityWeight,
    double policyFollowWeight,
    double policyCategoryWeight,
    double policyExploreWeight,
    double policyRankPopularity,
    double policyRankFollow,
    double policyRankNoise,
    double referLikedShare,
    double swipeReferCategoryShare,
    double favouriteCategoryShare,
    double browsesPerSession) {

  public TrafficParameters {
    positive("sessionsPerUserDay", sessionsPerUserDay);
    positive("weekendTrafficFactor", weekendTrafficFactor);
    positive("promotionTrafficFactor", promotionTrafficFactor);
    probability("habitualHourShare", habitualHourShare);
    nonNegative("habitualHourSpread", habitualHourSpread);
    probability("homeScenarioShare", homeScenarioShare);
    nonNegative("policyPopularityWeight", policyPopularityWeight);
    nonNegative("policyFollowWeight", policyFollowWeight);
    nonNegative("policyCategoryWeight", policyCategoryWeight);
    nonNegative("policyExploreWeight", policyExploreWeight);
    if (policyPopularityWeight + policyFollowWeight + policyCategoryWeight + policyExploreWeight
        <= 0) {
      throw new IllegalArgumentException("at least one policy route weight must be positive");
    }
    if (policyExploreWeight <= 0) {
      throw new IllegalArgumentException(
          "policyExploreWeight must be positive: every model needs data on every live anchor");
    }
    ParameterChecks.finite("policyRankPopularity", policyRankPopularity);
    ParameterChecks.finite("policyRankFollow", policyRankFollow);
    nonNegative("policyRankNoise", policyRankNoise);
    probability("referLikedShare", referLikedShare);
    probability("swipeReferCategoryShare", swipeReferCategoryShare);
    probability("favouriteCategoryShare", favouriteCategoryShare);
    nonNegative("browsesPerSession", browsesPerSession);
  }

  public static TrafficParameters defaults(double sessionsPerUserDay) {
    return new TrafficParameters(
        sessionsPerUserDay,
        /* weekendTrafficFactor= */ 1.15,
        /* promotionTrafficFactor= */ 1.25,
        /* habitualHourShare= */ 0.6,
        /* habitualHourSpread= */ 1.5,
        /* homeScenarioShare= */ 0.5,
        /* policyPopularityWeight= */ 0.35,
        /* policyFollowWeight= */ 0.20,
        /* policyCategoryWeight= */ 0.30,
        /* policyExploreWeight= */ 0.15,
        /* policyRankPopularity= */ 0.5,
        /* policyRankFollow= */ 1.0,
        /* policyRankNoise= */ 1.0,
        /* referLikedShare= */ 0.75,
        /* swipeReferCategoryShare= */ 0.5,
        /* favouriteCategoryShare= */ 0.85,
        /* browsesPerSession= */ 0.5);
  }
}
