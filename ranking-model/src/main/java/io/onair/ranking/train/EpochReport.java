package io.onair.ranking.train;

import io.onair.ranking.eval.EvaluationReport;

/**
 * One epoch of training: steps, examples, mean training loss (with the regularisation terms), the
 * learning-rate multiplier it ran at, examples per second, and the learning curves after it: the
 * evaluation on a fixed sample of the rows it trained on ({@code train}), on the validation split
 * taken from the end of the training window ({@code validation}, null without one; the only one
 * that chooses anything) and on the held-out days ({@code holdout}, null when nothing was held out;
 * reported, never used to choose). Immutable.
 */
public record EpochReport(
    int epoch,
    long steps,
    long examples,
    double meanLoss,
    double learningRateScale,
    double examplesPerSecond,
    EvaluationReport train,
    EvaluationReport validation,
    EvaluationReport holdout) {}
