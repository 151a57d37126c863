package io.onair.ranking.train;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a ranker is trained. Immutable; validated on construction.
 *
 * @param epochs passes over the training rows (default 2)
 * @param batchSize rows per step (default 512)
 * @param holdoutDays last UTC days kept out of training and used for evaluation (default 2)
 * @param trainingScenarios train only on these scenarios; empty = all (default empty). A model
 *     trained on {@code tab} alone is the baseline DBMTL 3.0 is compared with
 * @param maxTrainingRows use at most this many training rows, the most recent ones; 0 = all
 *     (default 0)
 * @param intraOpThreads TensorFlow intra-op threads (default 1: fastest for models this small)
 * @param seed seed of the shuffling (default 1)
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    int holdoutDays,
    List<String> trainingScenarios,
    int maxTrainingRows,
    int intraOpThreads,
    long seed) {
  public TrainingConfig {
    trainingScenarios = List.copyOf(requireNonNull(trainingScenarios, "trainingScenarios is null"));
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (holdoutDays < 0) {
      throw new IllegalArgumentException("holdoutDays must be >= 0, got " + holdoutDays);
    }
    if (maxTrainingRows < 0) {
      throw new IllegalArgumentException("maxTrainingRows must be >= 0, got " + maxTrainingRows);
    }
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
  }

  public static TrainingConfig defaults() {
    return new TrainingConfig(2, 512, 2, List.of(), 0, 1, 1L);
  }

  public TrainingConfig withEpochs(int value) {
    return new TrainingConfig(
        value, batchSize, holdoutDays, trainingScenarios, maxTrainingRows, intraOpThreads, seed);
  }

  public TrainingConfig withBatchSize(int value) {
    return new TrainingConfig(
        epochs, value, holdoutDays, trainingScenarios, maxTrainingRows, intraOpThreads, seed);
  }

  public TrainingConfig withHoldoutDays(int value) {
    return new TrainingConfig(
        epochs, batchSize, value, trainingScenarios, maxTrainingRows, intraOpThreads, seed);
  }

  public TrainingConfig withTrainingScenarios(List<String> value) {
    return new TrainingConfig(
        epochs, batchSize, holdoutDays, value, maxTrainingRows, intraOpThreads, seed);
  }

  public TrainingConfig withMaxTrainingRows(int value) {
    return new TrainingConfig(
        epochs, batchSize, holdoutDays, trainingScenarios, value, intraOpThreads, seed);
  }
}
