package io.onair.ranking.train;

/**
 * A rule from outside the trainer that may end training after an epoch, beside the patience of
 * early stopping: a search over configurations uses it to drop a trial that is clearly losing
 * ({@code io.onair.ranking.tune.MedianStopping}). The model of the best epoch so far is kept, as
 * with early stopping. Implementations must be thread-safe when trials run in parallel.
 */
@FunctionalInterface
public interface EpochStopRule {
  /** Never stops. */
  EpochStopRule NEVER = (epoch, bestScore) -> false;

  /**
   * Whether to stop after {@code epoch} (1-based), whose best validation score so far ({@link
   * RankingTrainer#selectionScore}) is {@code bestScore}.
   */
  boolean stop(int epoch, double bestScore);
}
