package io.onair.gateway.config;

/**
 * The diversity limit: at most {@code maxPerCategory} anchors of one category among the first
 * {@code topPositions} items. When the candidates cannot fill the top positions within the limit,
 * it is relaxed (flag DIVERSITY_RELAXED) rather than returning fewer items. Immutable.
 *
 * @param maxPerCategory at least 1
 * @param topPositions the positions the limit applies to, at least 1 (0 turns diversity off)
 */
public record DiversityConfig(int maxPerCategory, int topPositions) {
  /** At most 3 per category in the top 10: a first screen is never one category. */
  public static final DiversityConfig DEFAULTS = new DiversityConfig(3, 10);

  public DiversityConfig {
    if (maxPerCategory < 1) {
      throw new IllegalArgumentException(
          "diversity.maxPerCategory must be >= 1, got " + maxPerCategory);
    }
    if (topPositions < 0) {
      throw new IllegalArgumentException(
          "diversity.topPositions must be >= 0, got " + topPositions);
    }
  }
}
