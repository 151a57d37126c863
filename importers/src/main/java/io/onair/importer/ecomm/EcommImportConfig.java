package io.onair.importer.ecomm;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How {@link EcommImporter} builds impressions. Immutable and validated on construction.
 *
 * @param negativesPerPositive rooms shown but not clicked per clicked room, in [1, 100]; default
 *     {@value #DEFAULT_NEGATIVES_PER_POSITIVE}: enough negatives for the click target without
 *     drowning the rarer cart and purchase labels
 * @param seed the seed of the negative sampling and of the order within each request; default
 *     {@value #DEFAULT_SEED}. The same input and configuration always give the same bytes
 * @param scenario the scenario of every impression, one of {@link #SCENARIOS}; default {@value
 *     #DEFAULT_SCENARIO}. {@code swipe} is refused because the source has no refer room
 */
public record EcommImportConfig(int negativesPerPositive, long seed, String scenario) {
  public static final int DEFAULT_NEGATIVES_PER_POSITIVE = 4;
  public static final int MAX_NEGATIVES_PER_POSITIVE = 100;
  public static final long DEFAULT_SEED = 20190610L;
  public static final String DEFAULT_SCENARIO = "channel";

  /** The scenarios an import may be filed under. */
  public static final List<String> SCENARIOS = List.of("channel", "app", "tab");

  public EcommImportConfig {
    requireNonNull(scenario, "scenario is null");
    if (negativesPerPositive < 1 || negativesPerPositive > MAX_NEGATIVES_PER_POSITIVE) {
      throw new IllegalArgumentException(
          "negativesPerPositive must be within [1, "
              + MAX_NEGATIVES_PER_POSITIVE
              + "], got "
              + negativesPerPositive);
    }
    if (!SCENARIOS.contains(scenario)) {
      throw new IllegalArgumentException(
          "scenario must be one of "
              + String.join(", ", SCENARIOS)
              + " (swipe needs a refer room, which this data lacks), got '"
              + scenario
              + "'");
    }
  }

  public static EcommImportConfig defaults() {
    return new EcommImportConfig(DEFAULT_NEGATIVES_PER_POSITIVE, DEFAULT_SEED, DEFAULT_SCENARIO);
  }

  public EcommImportConfig withNegativesPerPositive(int negativesPerPositive) {
    return new EcommImportConfig(negativesPerPositive, seed, scenario);
  }

  public EcommImportConfig withSeed(long seed) {
    return new EcommImportConfig(negativesPerPositive, seed, scenario);
  }

  public EcommImportConfig withScenario(String scenario) {
    return new EcommImportConfig(negativesPerPositive, seed, scenario);
  }
}
