package io.onair.pretrain.model;

import static java.util.Objects.requireNonNull;

import io.onair.pretrain.sequences.Modality;
import io.onair.pretrain.sequences.TokenSpace;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Builds the multi-modal recall pretraining model (DMR 2.0's first stage, YouTube-DNN style
 * next-anchor prediction) into a graph:
 *
 * <ol>
 *   <li>each element of each modality's sequence is embedded as token + side information (the
 *       anchor's category, or the profile token's feature) + position + modality embedding;
 *   <li>one transformer block, shared by every modality, encodes each sequence: multi-head
 *       self-attention with a padding mask, residual and layer norm, a ReLU feed-forward layer,
 *       residual and layer norm;
 *   <li>masked mean pooling (the modality token always counts, so an empty sequence still yields
 *       the modality's learned prior) and a shared linear projection give one user vector per
 *       modality;
 *   <li>anchor vectors are the output (softmax) embeddings plus their category's output embedding;
 *       a user scores an anchor by the inner product;
 *   <li>per modality, a sampled softmax over the label and the batch's shared negatives, with the
 *       sampler's log expected counts subtracted (logQ correction) and accidental hits removed; the
 *       loss is the weighted sum of the per-modality means;
 *   <li>one Adam step on every variable. The tables here are small (anchors and profile tokens), so
 *       the dense update is cheap; see tensorflow-java.md for the sparse path of large tables.
 * </ol>
 *
 * Stateless.
 */
public final class RecallModelBuilder {
  private static final float EMBEDDING_SCALE = 0.05f;
  private static final float MASKED = 1e9f;

  private RecallModelBuilder() {}

  public static RecallModel build(Graph graph, PretrainConfig config, TokenSpace space) {
    requireNonNull(graph, "graph is null");
    requireNonNull(config, "config is null");
    requireNonNull(space, "space is null");
    Ops tf = Ops.create(graph);
    Weights weights = new Weights(tf, config.seed());
    int modalities = Modality.count();
    int width = config.sequenceLength() + 1;
    int d = config.dimension();
    int heads = config.heads();
    int headWidth = d / heads;

    Placeholder<TInt32> tokens =
        tf.withName("tokens")
            .placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, modalities, width)));
    Placeholder<TInt32> exampleRows =
        tf.withName("example_rows").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Placeholder<TInt32> labels =
        tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Placeholder<TInt32> negatives =
        tf.withName("negatives").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Placeholder<TFloat32> labelLogQ =
        tf.withName("label_log_q").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    Placeholder<TFloat32> negativeLogQ =
        tf.withName("negative_log_q").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));

    // 1. element embeddings: token + side information + position + modality
    Variable<TFloat32> tokenTable = weights.normal(space.size(), d, EMBEDDING_SCALE);
    Variable<TFloat32> sideTable = weights.normal(space.sideSize(), d, EMBEDDING_SCALE);
    Variable<TFloat32> positionTable = weights.normal(width, d, EMBEDDING_SCALE);
    Variable<TFloat32> modalityTable = weights.normal(modalities, d, EMBEDDING_SCALE);
    Operand<TInt32> sides = tf.gather(tf.constant(space.sides()), tokens, tf.constant(0));
    Operand<TFloat32> x =
        tf.math.add(
            tf.math.add(
                tf.gather(tokenTable, tokens, tf.constant(0)),
                tf.gather(sideTable, sides, tf.constant(0))),
            tf.math.add(
                tf.reshape(positionTable, tf.constant(new int[] {1, 1, width, d})),
                tf.reshape(modalityTable, tf.constant(new int[] {1, modalities, 1, d}))));
    Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1, d}));
    Operand<TFloat32> mask =
        tf.reshape(
            tf.dtypes.cast(tf.math.notEqual(tokens, tf.constant(0)), TFloat32.class),
            tf.constant(new int[] {-1, width}));

    // 2. the shared transformer block over [batch * modalities, width, d]
    Operand<TFloat32> q = heads(tf, weights.dense(flat, d, d, false), width, heads, headWidth);
    Operand<TFloat32> k = heads(tf, weights.dense(flat, d, d, false), width, heads, headWidth);
    Operand<TFloat32> v = heads(tf, weights.dense(flat, d, d, false), width, heads, headWidth);
    Operand<TFloat32> scores =
        tf.math.mul(
            tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true)),
            tf.constant((float) (1 / Math.sqrt(headWidth))));
    Operand<TFloat32> keyBias =
        tf.reshape(
            tf.math.mul(tf.math.sub(mask, tf.constant(1f)), tf.constant(MASKED)),
            tf.constant(new int[] {-1, 1, 1, width}));
    Operand<TFloat32> attention = tf.nn.softmax(tf.math.add(scores, keyBias));
    Operand<TFloat32> context =
        tf.reshape(
            tf.linalg.transpose(
                tf.train.batchMatMul(attention, v, TFloat32.class),
                tf.constant(new int[] {0, 2, 1, 3})),
            tf.constant(new int[] {-1, d}));
    Operand<TFloat32> attended =
        weights.layerNorm(tf.math.add(flat, weights.dense(context, d, d, true)), d);
    Operand<TFloat32> hidden = tf.nn.relu(weights.dense(attended, d, config.feedForward(), true));
    Operand<TFloat32> encoded =
        weights.layerNorm(
            tf.math.add(attended, weights.dense(hidden, config.feedForward(), d, true)), d);

    // 3. masked mean pooling, then the shared projection: one user vector per modality
    Operand<TFloat32> maskColumn = tf.expandDims(mask, tf.constant(-1));
    Operand<TFloat32> summed =
        tf.reduceSum(
            tf.math.mul(tf.reshape(encoded, tf.constant(new int[] {-1, width, d})), maskColumn),
            tf.constant(1));
    Operand<TFloat32> pooled =
        tf.math.div(
            summed, tf.math.maximum(tf.reduceSum(maskColumn, tf.constant(1)), tf.constant(1f)));
    Operand<TFloat32> users =
        tf.withName("user_vectors")
            .reshape(
                weights.dense(pooled, d, d, false), tf.constant(new int[] {-1, modalities, d}));

    // 4. anchor vectors: output embedding + the category's output embedding
    Variable<TFloat32> anchorTable = weights.normal(space.anchorCount(), d, EMBEDDING_SCALE);
    Variable<TFloat32> categoryTable = weights.normal(space.sideSize(), d, EMBEDDING_SCALE);
    Operand<TFloat32> anchors =
        tf.withName("anchor_vectors")
            .math
            .add(
                anchorTable,
                tf.gather(categoryTable, tf.constant(space.anchorSides()), tf.constant(0)));

    // 5. per-modality sampled softmax with logQ correction; a row's vectors are computed once and
    // shared by its examples (a user-day has about three labels)
    Operand<TFloat32> examples = tf.gather(users, exampleRows, tf.constant(0));
    Operand<TFloat32> positive =
        tf.expandDims(tf.gather(anchors, labels, tf.constant(0)), tf.constant(1));
    Operand<TFloat32> positiveLogit =
        tf.math.sub(
            tf.reduceSum(tf.math.mul(examples, positive), tf.constant(2)),
            tf.expandDims(labelLogQ, tf.constant(1)));
    Operand<TFloat32> negativeLogit =
        tf.math.sub(
            tf.reshape(
                tf.linalg.matMul(
                    tf.reshape(examples, tf.constant(new int[] {-1, d})),
                    tf.gather(anchors, negatives, tf.constant(0)),
                    MatMul.transposeB(true)),
                tf.stack(
                    List.of(
                        tf.constant(-1),
                        tf.constant(modalities),
                        tf.size(negatives, TInt32.class)))),
            tf.reshape(negativeLogQ, tf.constant(new int[] {1, 1, -1})));
    Operand<TFloat32> accidentalHit =
        tf.expandDims(
            tf.dtypes.cast(
                tf.math.equal(
                    tf.expandDims(labels, tf.constant(1)),
                    tf.expandDims(negatives, tf.constant(0))),
                TFloat32.class),
            tf.constant(1));
    negativeLogit = tf.math.sub(negativeLogit, tf.math.mul(accidentalHit, tf.constant(MASKED)));
    Operand<TFloat32> logits =
        tf.concat(
            List.of(tf.expandDims(positiveLogit, tf.constant(2)), negativeLogit), tf.constant(2));
    Operand<TFloat32> max =
        tf.stopGradient(tf.reduceMax(logits, tf.constant(2), ReduceMax.keepDims(true)));
    Operand<TFloat32> logSumExp =
        tf.math.add(
            tf.math.log(tf.reduceSum(tf.math.exp(tf.math.sub(logits, max)), tf.constant(2))),
            tf.squeeze(max, org.tensorflow.op.core.Squeeze.axis(List.of(2L))));
    Operand<TFloat32> modalityLosses =
        tf.withName("modality_losses")
            .math
            .mean(tf.math.sub(logSumExp, positiveLogit), tf.constant(0));
    float[] lossWeights = new float[modalities];
    for (Modality m : Modality.values()) {
      lossWeights[m.ordinal()] = config.modalityWeights().get(m).floatValue();
    }
    Operand<TFloat32> loss =
        tf.withName("loss")
            .reduceSum(tf.math.mul(modalityLosses, tf.constant(lossWeights)), tf.constant(0));

    // 6. one Adam step
    Op trainStep = new Adam(graph, config.learningRate()).minimize(loss, "adam");
    return new RecallModel(
        tokens,
        exampleRows,
        labels,
        negatives,
        labelLogQ,
        negativeLogQ,
        users,
        anchors,
        loss,
        modalityLosses,
        trainStep);
  }

  /** [n * width, d] to [n, heads, width, headWidth]. */
  private static Operand<TFloat32> heads(
      Ops tf, Operand<TFloat32> x, int width, int heads, int headWidth) {
    return tf.linalg.transpose(
        tf.reshape(x, tf.constant(new int[] {-1, width, heads, headWidth})),
        tf.constant(new int[] {0, 2, 1, 3}));
  }
}
