package io.onair.fusion;

/**
 * Turns one candidate's per-target predictions into one ranking score. Implementations are
 * immutable and safe to share between threads.
 */
public interface ScoreFusion {
  /**
   * The ranking score of one candidate.
   *
   * @param predictions one value per target, in the order of the target graph the fusion was built
   *     for (probabilities for binary targets, predicted values for numeric ones)
   * @throws IllegalArgumentException when the array does not have one value per target
   */
  double score(float[] predictions);
}
