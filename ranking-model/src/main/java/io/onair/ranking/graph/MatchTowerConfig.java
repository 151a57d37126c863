package io.onair.ranking.graph;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the match-tower models (DMR, RUI: {@link ModelKind#matchTower}) are built. Ignored by the
 * other models. Immutable; validated on construction.
 *
 * @param rankTower the rank tower beside the match tower: {@code dbmtl} (default, the factorised
 *     Bayesian head), {@code shared-bottom}, {@code mmoe}, {@code esmm} or {@code dbmtl-mmoe}
 * @param dimension width of the vectors whose dot products the match tower takes (default 16)
 * @param units hidden units of each side's MLP before its vector (default 32)
 * @param pooling how {@code dmr-pretrained} pools the learned dot product with the per-modality
 *     pretrained ones (default {@link Pooling#MEAN})
 */
public record MatchTowerConfig(ModelKind rankTower, int dimension, int units, Pooling pooling) {
  /** How dot products are pooled into one. */
  public enum Pooling {
    SUM,
    MEAN;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sum} or {@code mean}. */
    public static Pooling parse(String name) {
      for (Pooling pooling : values()) {
        if (pooling.wireName().equals(name)) {
          return pooling;
        }
      }
      throw new IllegalArgumentException(
          "unknown match pooling '"
              + name
              + "' (known: "
              + Arrays.stream(values()).map(Pooling::wireName).toList()
              + ")");
    }
  }

  public MatchTowerConfig {
    requireNonNull(rankTower, "rankTower is null");
    requireNonNull(pooling, "pooling is null");
    if (!rankTower.rankTowerCandidate()) {
      throw new IllegalArgumentException(
          "rank tower '"
              + rankTower.wireName()
              + "' is not supported beside a match tower (use dbmtl, shared-bottom, mmoe, esmm"
              + " or dbmtl-mmoe)");
    }
    if (dimension < 1 || units < 1) {
      throw new IllegalArgumentException(
          "match tower dimension and units must be >= 1, got " + dimension + ", " + units);
    }
  }

  /** DBMTL rank tower, vectors of 16, hidden layers of 32, mean pooling. */
  public static MatchTowerConfig defaults() {
    return new MatchTowerConfig(ModelKind.DBMTL, 16, 32, Pooling.MEAN);
  }

  public MatchTowerConfig withRankTower(ModelKind value) {
    return new MatchTowerConfig(value, dimension, units, pooling);
  }

  public MatchTowerConfig withPooling(Pooling value) {
    return new MatchTowerConfig(rankTower, dimension, units, value);
  }
}
