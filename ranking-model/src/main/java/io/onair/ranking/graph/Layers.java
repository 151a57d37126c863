package io.onair.ranking.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * Dense layers with classic variables and seeded Glorot-uniform initial weights, so one seed gives
 * one model; every ReLU output goes through dropout when a dropout rate is given (its random ops
 * are seeded too). Records every variable it creates with its shape, for the optimizer. Not
 * thread-safe: one per graph build.
 */
final class Layers {
  /** A dense variable and its shape. */
  record DenseVariable(Variable<TFloat32> variable, long[] shape) {}

  private final Ops tf;
  private final SplittableRandom random;
  private final Optional<Operand<TFloat32>> dropoutRate;
  private final List<DenseVariable> variables = new ArrayList<>();

  Layers(Ops tf, long seed) {
    this(tf, seed, Optional.empty());
  }

  /**
   * @param dropoutRate the dropout rate of every ReLU output, a scalar fed while training (0 when
   *     serving); empty = no dropout ops
   */
  Layers(Ops tf, long seed, Optional<Operand<TFloat32>> dropoutRate) {
    this.tf = tf;
    this.random = new SplittableRandom(seed);
    this.dropoutRate = dropoutRate;
  }

  /** The dense variables created so far, in creation order. */
  List<DenseVariable> variables() {
    return List.copyOf(variables);
  }

  /** {@code x W + b}, then ReLU when {@code relu}. */
  Operand<TFloat32> dense(Operand<TFloat32> x, int inputs, int outputs, boolean relu) {
    float limit = (float) Math.sqrt(6.0 / (inputs + outputs));
    float[][] weights = new float[inputs][outputs];
    for (float[] row : weights) {
      for (int j = 0; j < outputs; j++) {
        row[j] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
    }
    Variable<TFloat32> w = tf.variable(tf.constant(weights));
    Variable<TFloat32> b = tf.variable(tf.constant(new float[outputs]));
    variables.add(new DenseVariable(w, new long[] {inputs, outputs}));
    variables.add(new DenseVariable(b, new long[] {outputs}));
    Operand<TFloat32> y = tf.math.add(tf.linalg.matMul(x, w), b);
    return relu ? dropout(tf.nn.relu(y)) : y;
  }

  /**
   * Inverted dropout: {@code x * floor(u + keep) / keep} with {@code u} uniform in [0, 1) and
   * {@code keep = 1 - rate}. At rate 0 the mask is exactly 1, so serving (which feeds nothing)
   * scores with every unit.
   */
  private Operand<TFloat32> dropout(Operand<TFloat32> x) {
    if (dropoutRate.isEmpty()) {
      return x;
    }
    Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), dropoutRate.get());
    Operand<TFloat32> uniform =
        tf.random.randomUniform(
            tf.shape(x),
            TFloat32.class,
            RandomUniform.seed(random.nextLong() & Long.MAX_VALUE),
            RandomUniform.seed2(random.nextLong() & Long.MAX_VALUE));
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, keep));
    return tf.math.div(tf.math.mul(x, mask), keep);
  }

  /** A ReLU MLP through {@code units}; returns the last hidden layer. */
  Operand<TFloat32> mlp(Operand<TFloat32> x, int inputs, List<Integer> units) {
    Operand<TFloat32> h = x;
    int width = inputs;
    for (int u : units) {
      h = dense(h, width, u, true);
      width = u;
    }
    return h;
  }

  /** A [rows, width] table of N(0, scale^2) values. */
  float[][] normalTable(int rows, int width, double scale) {
    float[][] table = new float[rows][width];
    for (float[] row : table) {
      for (int j = 0; j < width; j++) {
        row[j] = (float) (gaussian() * scale);
      }
    }
    return table;
  }

  private double gaussian() {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
