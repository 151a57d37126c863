package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The serialized form of a {@link FeatureVocabulary} ({@code vocabulary.json} beside a SavedModel).
 * Lists are in code order: code {@code i + 1} is element {@code i}; code 0 is unknown.
 *
 * @param scenarios scenario names, index = scenario code (no unknown scenario)
 * @param users user ids
 * @param anchors anchor ids
 * @param categories category ids (shared by anchors and items)
 * @param anchorCategories per anchor (aligned with {@code anchors}): its category code
 * @param items item ids
 * @param itemCategories per item: its category code
 * @param userCategorical categorical user features with their tokens
 * @param userNumeric names of the numeric user features
 * @param anchorCategorical categorical anchor features with their tokens
 * @param anchorNumeric names of the numeric anchor features
 * @param anchorCategoricalCodes per categorical anchor feature, per anchor: the code
 * @param anchorNumericValues per numeric anchor feature, per anchor: the value (NaN = missing)
 */
public record VocabularyFile(
    List<String> scenarios,
    List<String> users,
    List<String> anchors,
    List<String> categories,
    int[] anchorCategories,
    List<String> items,
    int[] itemCategories,
    List<NamedTokens> userCategorical,
    List<String> userNumeric,
    List<NamedTokens> anchorCategorical,
    List<String> anchorNumeric,
    int[][] anchorCategoricalCodes,
    float[][] anchorNumericValues) {
  public VocabularyFile {
    requireNonNull(scenarios, "scenarios is null");
    requireNonNull(users, "users is null");
    requireNonNull(anchors, "anchors is null");
    requireNonNull(categories, "categories is null");
    requireNonNull(anchorCategories, "anchorCategories is null");
    requireNonNull(items, "items is null");
    requireNonNull(itemCategories, "itemCategories is null");
    requireNonNull(userCategorical, "userCategorical is null");
    requireNonNull(userNumeric, "userNumeric is null");
    requireNonNull(anchorCategorical, "anchorCategorical is null");
    requireNonNull(anchorNumeric, "anchorNumeric is null");
    requireNonNull(anchorCategoricalCodes, "anchorCategoricalCodes is null");
    requireNonNull(anchorNumericValues, "anchorNumericValues is null");
  }

  /** One categorical feature: its name and its tokens in code order (code = index + 1). */
  public record NamedTokens(String name, List<String> tokens) {
    public NamedTokens {
      requireNonNull(name, "name is null");
      tokens = List.copyOf(requireNonNull(tokens, "tokens is null"));
    }
  }
}
