package io.onair.pretrain.train;

/**
 * One training epoch's figures.
 *
 * @param epoch 1-based
 * @param examples examples seen
 * @param loss mean weighted loss
 * @param modalityLosses mean loss per modality, in modality order
 * @param examplesPerSecond training throughput
 * @param seconds wall time
 */
public record EpochReport(
    int epoch,
    long examples,
    double loss,
    double[] modalityLosses,
    double examplesPerSecond,
    double seconds) {}
