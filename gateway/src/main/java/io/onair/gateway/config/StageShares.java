package io.onair.gateway.config;

/**
 * How the request's time budget is split among the stages that call out: the feature read, recall
 * and ranking. What is left ({@link #reserve()}) is kept for fusion, filters, diversity and the
 * answer's way back. A later stage also gets the time the earlier ones left unused (ranking may use
 * everything up to the reserve). Immutable.
 *
 * @param features share of the budget for reading the user's features and the live set, in (0, 1)
 * @param recall share for the recall call, in (0, 1)
 * @param rank share for the ranking call, in (0, 1)
 */
public record StageShares(double features, double recall, double rank) {
  /** features 0.1, recall 0.35, rank 0.45: the reserve is 0.1 of the budget. */
  public static final StageShares DEFAULTS = new StageShares(0.1, 0.35, 0.45);

  public StageShares {
    share("stageShares.features", features);
    share("stageShares.recall", recall);
    share("stageShares.rank", rank);
    if (features + recall + rank >= 1) {
      throw new IllegalArgumentException(
          "stageShares must add up to less than 1 (leaving time for fusion and filters), got "
              + (features + recall + rank));
    }
  }

  /** The share left for fusion, filters, diversity and the way back. */
  public double reserve() {
    return 1 - features - recall - rank;
  }

  private static void share(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
    }
  }
}
