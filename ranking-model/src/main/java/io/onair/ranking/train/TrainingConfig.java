package io.onair.ranking.train;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;

/**
 * How a ranker is trained. Immutable; validated on construction.
 *
 * @param epochs the most passes over the training rows (default {@value #DEFAULT_EPOCHS}); with a
 *     validation split, training stops earlier when the validation score has not improved for
 *     {@code patience} epochs, and the model of the best epoch is kept
 * @param batchSize rows per step (default {@value #DEFAULT_BATCH_SIZE})
 * @param holdoutDays last UTC days kept out of training and used for evaluation (default 2)
 * @param trainingScenarios train only on these scenarios; empty = all (default empty). A model
 *     trained on {@code tab} alone is the baseline DBMTL 3.0 is compared with
 * @param maxTrainingRows use at most this many training rows, the most recent ones; 0 = all
 *     (default 0)
 * @param intraOpThreads TensorFlow intra-op threads (default 1: fastest for models this small, and
 *     the setting under which a seed gives one model)
 * @param seed seed of the shuffling (default 1)
 * @param validationFraction the share of the training rows, the latest ones (cut between two
 *     seconds, never inside a request), kept out of the gradient steps to choose the best epoch, to
 *     stop early and to fit the calibration; never the held-out days. 0 = no validation split:
 *     every epoch runs and the last one is kept (default {@value #DEFAULT_VALIDATION_FRACTION}).
 *     Must be in [0, 0.5]
 * @param patience epochs without a better validation score before training stops (default {@value
 *     #DEFAULT_PATIENCE}); must be >= 1
 * @param learningRateDecay factor applied to both learning rates after every epoch (epoch {@code e}
 *     trains at {@code decay^(e-1)} times the configured rates; default {@value
 *     #DEFAULT_LEARNING_RATE_DECAY}); must be in (0, 1]
 * @param refit after the epoch is chosen on the validation split, train again from the same seed on
 *     every training row, validation rows included, for that many epochs, and keep that model (with
 *     the calibration fitted on the validation split by the first run); the latest rows are the
 *     nearest to the days served (default {@value #DEFAULT_REFIT}); ignored without a validation
 *     split
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    int holdoutDays,
    List<String> trainingScenarios,
    int maxTrainingRows,
    int intraOpThreads,
    long seed,
    double validationFraction,
    int patience,
    double learningRateDecay,
    boolean refit) {
  public static final int DEFAULT_EPOCHS = 30;
  public static final int DEFAULT_BATCH_SIZE = 512;
  public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
  public static final int DEFAULT_PATIENCE = 3;
  public static final double DEFAULT_LEARNING_RATE_DECAY = 1.0;
  public static final boolean DEFAULT_REFIT = true;

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
    if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
      throw new IllegalArgumentException(
          "validationFraction must be in [0, 0.5], got " + validationFraction);
    }
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be >= 1, got " + patience);
    }
    if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
      throw new IllegalArgumentException(
          "learningRateDecay must be in (0, 1], got " + learningRateDecay);
    }
  }

  public static TrainingConfig defaults() {
    return new TrainingConfig(
        DEFAULT_EPOCHS,
        DEFAULT_BATCH_SIZE,
        2,
        List.of(),
        0,
        1,
        1L,
        DEFAULT_VALIDATION_FRACTION,
        DEFAULT_PATIENCE,
        DEFAULT_LEARNING_RATE_DECAY,
        DEFAULT_REFIT);
  }

  /** The learning-rate multiplier of epoch {@code epoch} (1-based). */
  public double learningRateScale(int epoch) {
    return Math.pow(learningRateDecay, epoch - 1);
  }

  /** A mutable copy, for the {@code with...} methods. */
  private static final class Copy {
    int epochs;
    int batchSize;
    int holdoutDays;
    List<String> trainingScenarios;
    int maxTrainingRows;
    int intraOpThreads;
    long seed;
    double validationFraction;
    int patience;
    double learningRateDecay;
    boolean refit;

    Copy(TrainingConfig c) {
      epochs = c.epochs;
      batchSize = c.batchSize;
      holdoutDays = c.holdoutDays;
      trainingScenarios = c.trainingScenarios;
      maxTrainingRows = c.maxTrainingRows;
      intraOpThreads = c.intraOpThreads;
      seed = c.seed;
      validationFraction = c.validationFraction;
      patience = c.patience;
      learningRateDecay = c.learningRateDecay;
      refit = c.refit;
    }

    TrainingConfig build() {
      return new TrainingConfig(
          epochs,
          batchSize,
          holdoutDays,
          trainingScenarios,
          maxTrainingRows,
          intraOpThreads,
          seed,
          validationFraction,
          patience,
          learningRateDecay,
          refit);
    }
  }

  private TrainingConfig with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  public TrainingConfig withEpochs(int value) {
    return with(c -> c.epochs = value);
  }

  public TrainingConfig withBatchSize(int value) {
    return with(c -> c.batchSize = value);
  }

  public TrainingConfig withHoldoutDays(int value) {
    return with(c -> c.holdoutDays = value);
  }

  public TrainingConfig withTrainingScenarios(List<String> value) {
    return with(c -> c.trainingScenarios = value);
  }

  public TrainingConfig withMaxTrainingRows(int value) {
    return with(c -> c.maxTrainingRows = value);
  }

  public TrainingConfig withIntraOpThreads(int value) {
    return with(c -> c.intraOpThreads = value);
  }

  public TrainingConfig withSeed(long value) {
    return with(c -> c.seed = value);
  }

  public TrainingConfig withValidationFraction(double value) {
    return with(c -> c.validationFraction = value);
  }

  public TrainingConfig withPatience(int value) {
    return with(c -> c.patience = value);
  }

  public TrainingConfig withLearningRateDecay(double value) {
    return with(c -> c.learningRateDecay = value);
  }

  public TrainingConfig withRefit(boolean value) {
    return with(c -> c.refit = value);
  }
}
