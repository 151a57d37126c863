package io.onair.pretrain.model;

import static java.util.Objects.requireNonNull;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The handles of a built recall pretraining graph ({@link RecallModelBuilder}).
 *
 * @param tokens input {@code [rows, modalities, L + 1]} token ids, one row per user (and cut)
 * @param exampleRows input {@code [batch]} the row of each training example
 * @param labels input {@code [batch]} each example's positive anchor index
 * @param negatives input {@code [S]} sampled anchor indexes, shared by the batch
 * @param labelLogQ input {@code [batch]} log expected count of each label under the sampler
 * @param negativeLogQ input {@code [S]} log expected count of each sampled anchor
 * @param userVectors output {@code [rows, modalities, d]}
 * @param anchorVectors output {@code [anchors, d]}
 * @param loss the weighted sum of the per-modality losses
 * @param modalityLosses {@code [modalities]} mean sampled-softmax loss per modality
 * @param trainStep one Adam step on the loss
 */
public record RecallModel(
    Placeholder<TInt32> tokens,
    Placeholder<TInt32> exampleRows,
    Placeholder<TInt32> labels,
    Placeholder<TInt32> negatives,
    Placeholder<TFloat32> labelLogQ,
    Placeholder<TFloat32> negativeLogQ,
    Operand<TFloat32> userVectors,
    Operand<TFloat32> anchorVectors,
    Operand<TFloat32> loss,
    Operand<TFloat32> modalityLosses,
    Op trainStep) {
  public RecallModel {
    requireNonNull(tokens, "tokens is null");
    requireNonNull(exampleRows, "exampleRows is null");
    requireNonNull(labels, "labels is null");
    requireNonNull(negatives, "negatives is null");
    requireNonNull(labelLogQ, "labelLogQ is null");
    requireNonNull(negativeLogQ, "negativeLogQ is null");
    requireNonNull(userVectors, "userVectors is null");
    requireNonNull(anchorVectors, "anchorVectors is null");
    requireNonNull(loss, "loss is null");
    requireNonNull(modalityLosses, "modalityLosses is null");
    requireNonNull(trainStep, "trainStep is null");
  }
}
