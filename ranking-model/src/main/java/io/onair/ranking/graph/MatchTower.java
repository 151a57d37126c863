package io.onair.ranking.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The match tower of the DMR and RUI models: small MLPs map the user side, the candidate anchor and
 * (RUI) the refer room to vectors of {@link MatchTowerConfig#dimension}; their dot products,
 * combined as each model says, go through one dense layer to one logit per target, which the
 * builder adds to the rank tower's logits. It also gives the features the model adds to the rank
 * tower's input: the pretrained vectors and their dot products ({@code dmr-pretrained}), refer x
 * anchor and refer category x category products (RUI). Not thread-safe: one per graph build.
 */
final class MatchTower {
  /**
   * What the match tower reads, already embedded by the shared input.
   *
   * @param userSide user id and profile slots, pooled histories [rows, userWidth]
   * @param anchorSide anchor id, category, anchor profile slots [rows, anchorWidth]
   * @param referSide refer room and its category [rows, 2 x embedding]
   * @param anchor the candidate's anchor embedding [rows, embedding]
   * @param category the candidate's category embedding [rows, embedding]
   * @param refer the refer room's embedding (its own slot's rows) [rows, embedding]
   * @param referCategory the refer room's category embedding [rows, embedding]
   * @param hasRefer 1 where the row has a refer room (its code is not unknown), else 0 [rows]
   * @param userCode the user's code in the vocabulary (0 = unknown) [rows]
   * @param anchorCode the candidate's code in the vocabulary [rows]
   */
  record Inputs(
      Operand<TFloat32> userSide,
      int userWidth,
      Operand<TFloat32> anchorSide,
      int anchorWidth,
      Operand<TFloat32> referSide,
      int referWidth,
      Operand<TFloat32> anchor,
      Operand<TFloat32> category,
      Operand<TFloat32> refer,
      Operand<TFloat32> referCategory,
      int embeddingWidth,
      Operand<TFloat32> hasRefer,
      Operand<TInt32> userCode,
      Operand<TInt32> anchorCode) {}

  /**
   * The match tower's logits (one per target, each [rows]) and the extra rank-tower features
   * ({@code rankFeatures} is null when {@code rankFeaturesWidth} is 0).
   */
  record Output(
      List<Operand<TFloat32>> logits, Operand<TFloat32> rankFeatures, int rankFeaturesWidth) {}

  private final Ops tf;
  private final Layers layers;
  private final MatchTowerConfig config;

  MatchTower(Ops tf, Layers layers, MatchTowerConfig config) {
    this.tf = tf;
    this.layers = layers;
    this.config = config;
  }

  Output build(ModelKind kind, Inputs in, int targets, Optional<PretrainedTables> pretrained) {
    Operand<TFloat32> score;
    List<Operand<TFloat32>> rankFeatures = new ArrayList<>();
    int rankWidth = 0;
    switch (kind) {
      case DMR -> score = dot(userVector(in), anchorVector(in));
      case DMR_PRETRAINED -> {
        PretrainedTables tables =
            pretrained.orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "model dmr-pretrained needs the pretrained vectors (onair pretrain)"));
        Operand<TFloat32> learned = dot(userVector(in), anchorVector(in));
        int modalities = tables.modalities().size();
        int d = tables.dimension();
        Operand<TFloat32> userTable =
            tf.constant(
                Shape.of(tables.userRows(), tables.userWidth()),
                DataBuffers.of(tables.users(), true, false));
        Operand<TFloat32> anchorTable =
            tf.constant(
                Shape.of(tables.anchorRows(), d), DataBuffers.of(tables.anchors(), true, false));
        Operand<TFloat32> users = tf.gather(userTable, in.userCode(), tf.constant(0));
        Operand<TFloat32> anchors = tf.gather(anchorTable, in.anchorCode(), tf.constant(0));
        // [rows, modalities, d] . [rows, 1, d] -> one dot product per modality [rows, modalities]
        Operand<TFloat32> dots =
            tf.reduceSum(
                tf.math.mul(
                    tf.reshape(users, tf.constant(new int[] {-1, modalities, d})),
                    tf.expandDims(anchors, tf.constant(1))),
                tf.constant(2));
        Operand<TFloat32> pooled = tf.math.add(learned, tf.reduceSum(dots, tf.constant(1)));
        if (config.pooling() == MatchTowerConfig.Pooling.MEAN) {
          pooled = tf.math.div(pooled, tf.constant((float) (modalities + 1)));
        }
        score = pooled;
        rankFeatures.add(users);
        rankFeatures.add(anchors);
        rankFeatures.add(dots);
        rankWidth = tables.userWidth() + d + modalities;
      }
      case RUI_V1 -> {
        Operand<TFloat32> userAndRefer =
            tf.concat(List.of(in.userSide(), in.referSide()), tf.constant(1));
        score = dot(side(userAndRefer, in.userWidth() + in.referWidth()), anchorVector(in));
      }
      case RUI_V2 -> {
        // refer . anchor where there is a refer room; user . anchor on the other rows, so that
        // rows outside the swipe feed keep a personal match score instead of an anchor bias
        Operand<TFloat32> user = userVector(in);
        Operand<TFloat32> refer = referVector(in);
        Operand<TFloat32> has = tf.expandDims(in.hasRefer(), tf.constant(1));
        Operand<TFloat32> left =
            tf.math.add(
                tf.math.mul(has, refer), tf.math.mul(tf.math.sub(tf.constant(1f), has), user));
        score = dot(left, anchorVector(in));
      }
      case RUI_V3 -> {
        // three towers, each pair in its own space; sigmoid(u2r) is the "liked the refer room"
        // gate in [0, 1], so the refer term can only switch related rooms on or off and never
        // flips the sign of r2i; without a refer room only u2i is left
        Operand<TFloat32> u2r = dot(userVector(in), referVector(in));
        Operand<TFloat32> r2i = dot(referVector(in), anchorVector(in));
        Operand<TFloat32> u2i = dot(userVector(in), anchorVector(in));
        Operand<TFloat32> gated =
            tf.math.mul(tf.math.mul(in.hasRefer(), tf.math.sigmoid(u2r)), r2i);
        score = tf.math.add(gated, u2i);
      }
      default -> throw new IllegalArgumentException(kind.wireName() + " has no match tower");
    }
    if (kind.refer()) {
      rankFeatures.add(tf.math.mul(in.refer(), in.anchor()));
      rankFeatures.add(tf.math.mul(in.referCategory(), in.category()));
      rankWidth += 2 * in.embeddingWidth();
    }
    Operand<TFloat32> perTarget =
        layers.dense(tf.reshape(score, tf.constant(new int[] {-1, 1})), 1, targets, false);
    List<Operand<TFloat32>> logits = new ArrayList<>();
    for (int t = 0; t < targets; t++) {
      logits.add(tf.gather(perTarget, tf.constant(t), tf.constant(1)));
    }
    Operand<TFloat32> features =
        rankFeatures.isEmpty()
            ? null
            : rankFeatures.size() == 1
                ? rankFeatures.get(0)
                : tf.concat(rankFeatures, tf.constant(1));
    return new Output(logits, features, rankWidth);
  }

  private Operand<TFloat32> userVector(Inputs in) {
    return side(in.userSide(), in.userWidth());
  }

  private Operand<TFloat32> anchorVector(Inputs in) {
    return side(in.anchorSide(), in.anchorWidth());
  }

  private Operand<TFloat32> referVector(Inputs in) {
    return side(in.referSide(), in.referWidth());
  }

  /** One side of a dot-product tower: a ReLU hidden layer, then a linear vector. */
  private Operand<TFloat32> side(Operand<TFloat32> x, int width) {
    Operand<TFloat32> hidden = layers.dense(x, width, config.units(), true);
    return layers.dense(hidden, config.units(), config.dimension(), false);
  }

  /** Row-wise dot product [rows]. */
  private Operand<TFloat32> dot(Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.reduceSum(tf.math.mul(a, b), tf.constant(1));
  }
}
