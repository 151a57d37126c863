package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

/**
 * The request side of one ranking input, already coded against a {@link FeatureVocabulary}: who
 * asks, from where and when, what they did recently, whom they follow. Training fills it from the
 * dataset ({@link DatasetExamples}); serving fills it from online features through {@link
 * FeatureVocabulary#context}. Code 0 always means unknown or absent. Immutable by convention: the
 * arrays are not copied, callers must not change them after construction.
 *
 * @param user the user's code (0 = unknown user, e.g. a new one)
 * @param userCategorical one code per categorical user feature, in vocabulary order
 * @param userNumeric one value per numeric user feature, in vocabulary order (NaN = missing)
 * @param scenario the scenario's index in the vocabulary's scenario list
 * @param hourOfDay 0..23 (UTC)
 * @param referAnchor the refer room's anchor code (0 = none)
 * @param referCategory the refer room's category code (0 = none)
 * @param recentAnchors codes of the anchors the user clicked most recently, newest first (any
 *     length; the encoder keeps the first {@link FeatureLayout#historyLength()})
 * @param recentAnchorCategories the category codes of {@code recentAnchors}, aligned with it
 * @param recentItemCategories category codes of the items the user touched most recently, newest
 *     first
 * @param followedAnchors codes of the anchors the user follows, sorted ascending
 */
public record ContextFeatures(
    int user,
    int[] userCategorical,
    float[] userNumeric,
    int scenario,
    int hourOfDay,
    int referAnchor,
    int referCategory,
    int[] recentAnchors,
    int[] recentAnchorCategories,
    int[] recentItemCategories,
    int[] followedAnchors) {
  public ContextFeatures {
    requireNonNull(userCategorical, "userCategorical is null");
    requireNonNull(userNumeric, "userNumeric is null");
    requireNonNull(recentAnchors, "recentAnchors is null");
    requireNonNull(recentAnchorCategories, "recentAnchorCategories is null");
    requireNonNull(recentItemCategories, "recentItemCategories is null");
    requireNonNull(followedAnchors, "followedAnchors is null");
    if (hourOfDay < 0 || hourOfDay > 23) {
      throw new IllegalArgumentException("hourOfDay must be 0..23, got " + hourOfDay);
    }
    if (scenario < 0) {
      throw new IllegalArgumentException("scenario must be >= 0, got " + scenario);
    }
    if (recentAnchors.length != recentAnchorCategories.length) {
      throw new IllegalArgumentException(
          "recentAnchors and recentAnchorCategories must align: "
              + recentAnchors.length
              + " != "
              + recentAnchorCategories.length);
    }
  }
}
