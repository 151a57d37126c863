package io.onair.simulator;

import static io.onair.simulator.ParameterChecks.atLeast;
import static io.onair.simulator.ParameterChecks.atMost;
import static io.onair.simulator.ParameterChecks.nonNegative;
import static io.onair.simulator.ParameterChecks.positive;
import static io.onair.simulator.ParameterChecks.probability;

/**
 * The entities of the world: how many there are and how their hidden attributes are drawn. Sizes
 * come from the preset; every other default is the same in all presets.
 *
 * @param users number of users (tiny 300, small 3,000, medium 30,000, large 1,000,000)
 * @param anchors number of anchors (tiny 60, small 400, medium 3,000, large 100,000)
 * @param categories number of categories (tiny 8, small 12, medium 20, large 40)
 * @param items number of items (tiny 600, small 4,000, medium 30,000, large 500,000)
 * @param days length of the simulated period in days (tiny 7, small 10, medium 14, large 14)
 * @param startEpochSecond the first second of day 0, a UTC midnight; default 1,704,067,200
 *     (2024-01-01T00:00:00Z, a Monday). The world's clock is UTC: hours of the day are UTC hours.
 * @param latentDimension dimension of the taste, style and item vectors; default 16
 * @param categoryZipfExponent category {@code c} (0-based) has popularity weight {@code 1 /
 *     (c+1)^s}; used for anchors' and items' categories and users' favourite categories; default
 *     0.8
 * @param tasteNoise norm of the Gaussian noise added to a user's mixture of category centroids
 *     before normalising; default 0.35
 * @param styleNoise norm of the noise around the category centroid for an anchor's style; default
 *     0.45
 * @param itemNoise norm of the noise for an item's latent vector; default 0.5
 * @param activitySigma log-normal sigma of user activity (mean 1, heavy-tailed); default 1.3
 * @param activityCap activity is capped at this multiple of the mean (keeps bots out); default 30
 * @param userBiasSigma standard deviation of each user's own click bias (a logit offset); default
 *     0.5
 * @param popularitySigma an anchor's popularity weight is {@code exp(popularitySigma * z)} with
 *     {@code z} standard normal; default 1.2
 * @param popularityQualityCorrelation correlation of {@code z} with the anchor's quality; default
 *     0.4
 * @param medianPrice median item price over all categories; default 60
 * @param categoryPriceSigma log-normal sigma of a category's median price; default 0.6
 * @param itemPriceSigma log-normal sigma of an item's price around its category median; default 0.5
 * @param budgetSigma standard deviation of a user's log budget around the tier level; default 0.5
 * @param priceSensitivitySigma log-normal sigma of a user's price sensitivity (median 1); default
 *     0.4
 * @param brandItemShare share of a category's items that are brand items sold by several anchors;
 *     default 0.1
 * @param brandSellersMax a brand item is sold by 2 to this many anchors of its category; default 5
 * @param initialFollowsMean mean number of follows a user of activity 1 has before day 0 (scales
 *     with the square root of activity); default 4 (tiny 3)
 * @param maxInitialFollows cap on a user's initial follows; default 50
 */
public record WorldParameters(
    int users,
    int anchors,
    int categories,
    int items,
    int days,
    long startEpochSecond,
    int latentDimension,
    double categoryZipfExponent,
    double tasteNoise,
    double styleNoise,
    double itemNoise,
    double activitySigma,
    double activityCap,
    double userBiasSigma,
    double popularitySigma,
    double popularityQualityCorrelation,
    double medianPrice,
    double categoryPriceSigma,
    double itemPriceSigma,
    double budgetSigma,
    double priceSensitivitySigma,
    double brandItemShare,
    int brandSellersMax,
    double initialFollowsMean,
    int maxInitialFollows) {

  /** Ids, times and packed sort keys are ints or bit fields; these bounds keep them exact. */
  public static final int MAX_ENTITIES = 1 << 28;

  public static final int MAX_DAYS = 366;
  public static final int MAX_CATEGORIES = 1000;

  public WorldParameters {
    atLeast("users", users, 1);
    atMost("users", users, MAX_ENTITIES);
    atLeast("anchors", anchors, 1);
    atMost("anchors", anchors, MAX_ENTITIES);
    atLeast("categories", categories, 1);
    atMost("categories", categories, MAX_CATEGORIES);
    atMost("categories", categories, anchors);
    atLeast("items", items, categories);
    atMost("items", items, MAX_ENTITIES);
    atLeast("days", days, 1);
    atMost("days", days, MAX_DAYS);
    if (startEpochSecond < 0 || startEpochSecond % 86_400 != 0) {
      throw new IllegalArgumentException(
          "startEpochSecond must be a non-negative UTC midnight, got " + startEpochSecond);
    }
    atLeast("latentDimension", latentDimension, 2);
    atMost("latentDimension", latentDimension, 256);
    nonNegative("categoryZipfExponent", categoryZipfExponent);
    nonNegative("tasteNoise", tasteNoise);
    nonNegative("styleNoise", styleNoise);
    nonNegative("itemNoise", itemNoise);
    nonNegative("activitySigma", activitySigma);
    positive("activityCap", activityCap);
    nonNegative("userBiasSigma", userBiasSigma);
    nonNegative("popularitySigma", popularitySigma);
    if (!(popularityQualityCorrelation >= -1 && popularityQualityCorrelation <= 1)) {
      throw new IllegalArgumentException(
          "popularityQualityCorrelation must be within [-1, 1], got "
              + popularityQualityCorrelation);
    }
    positive("medianPrice", medianPrice);
    nonNegative("categoryPriceSigma", categoryPriceSigma);
    nonNegative("itemPriceSigma", itemPriceSigma);
    nonNegative("budgetSigma", budgetSigma);
    nonNegative("priceSensitivitySigma", priceSensitivitySigma);
    probability("brandItemShare", brandItemShare);
    atLeast("brandSellersMax", brandSellersMax, 2);
    nonNegative("initialFollowsMean", initialFollowsMean);
    atLeast("maxInitialFollows", maxInitialFollows, 0);
  }

  /** The defaults, with the given sizes. */
  public static WorldParameters defaults(
      int users, int anchors, int categories, int items, int days) {
    return new WorldParameters(
        users,
        anchors,
        categories,
        items,
        days,
        /* startEpochSecond= */ 1_704_067_200L,
        /* latentDimension= */ 16,
        /* categoryZipfExponent= */ 0.8,
        /* tasteNoise= */ 0.35,
        /* styleNoise= */ 0.45,
        /* itemNoise= */ 0.5,
        /* activitySigma= */ 1.3,
        /* activityCap= */ 30,
        /* userBiasSigma= */ 0.5,
        /* popularitySigma= */ 1.2,
        /* popularityQualityCorrelation= */ 0.4,
        /* medianPrice= */ 60,
        /* categoryPriceSigma= */ 0.6,
        /* itemPriceSigma= */ 0.5,
        /* budgetSigma= */ 0.5,
        /* priceSensitivitySigma= */ 0.4,
        /* brandItemShare= */ 0.1,
        /* brandSellersMax= */ 5,
        /* initialFollowsMean= */ 4,
        /* maxInitialFollows= */ 50);
  }

  /** A copy with other sizes. */
  public WorldParameters withSizes(int users, int anchors, int categories, int items, int days) {
    return new WorldParameters(
        users,
        anchors,
        categories,
        items,
        days,
        startEpochSecond,
        latentDimension,
        categoryZipfExponent,
        tasteNoise,
        styleNoise,
        itemNoise,
        activitySigma,
        activityCap,
        userBiasSigma,
        popularitySigma,
        popularityQualityCorrelation,
        medianPrice,
        categoryPriceSigma,
        itemPriceSigma,
        budgetSigma,
        priceSensitivitySigma,
        brandItemShare,
        brandSellersMax,
        initialFollowsMean,
        maxInitialFollows);
  }

  /** A copy with another mean of initial follows. */
  public WorldParameters withInitialFollowsMean(double mean) {
    return new WorldParameters(
        users,
        anchors,
        categories,
        items,
        days,
        startEpochSecond,
        latentDimension,
        categoryZipfExponent,
        tasteNoise,
        styleNoise,
        itemNoise,
        activitySigma,
        activityCap,
        userBiasSigma,
        popularitySigma,
        popularityQualityCorrelation,
        medianPrice,
        categoryPriceSigma,
        itemPriceSigma,
        budgetSigma,
        priceSensitivitySigma,
        brandItemShare,
        brandSellersMax,
        mean,
        maxInitialFollows);
  }
}
