package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

/**
 * The candidate side of one ranking input, coded against a {@link FeatureVocabulary}. Code 0 means
 * unknown. The arrays are not copied; callers must not change them after construction.
 *
 * @param anchor the anchor's code (0 = unknown, e.g. a new anchor)
 * @param category the anchor's category code
 * @param anchorCategorical one code per categorical anchor feature, in vocabulary order
 * @param anchorNumeric one value per numeric anchor feature, in vocabulary order (NaN = missing)
 */
public record CandidateFeatures(
    int anchor, int category, int[] anchorCategorical, float[] anchorNumeric) {
  public CandidateFeatures {
    requireNonNull(anchorCategorical, "anchorCategorical is null");
    requireNonNull(anchorNumeric, "anchorNumeric is null");
  }
}
