package io.onair.ranking.train;

import io.onair.ranking.eval.EvaluationReport;

/**
 * One epoch of training: steps, examples, mean loss, examples per second, and the held-out
 * evaluation after it (null when nothing was held out). Immutable.
 */
public record EpochReport(
    int epoch,
    long steps,
    long examples,
    double meanLoss,
    double examplesPerSecond,
    EvaluationReport holdout) {}
