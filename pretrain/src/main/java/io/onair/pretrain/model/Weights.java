package io.onair.pretrain.model;

import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Creates the model's classic variables (the framework optimizers only see those) with seeded
 * initial values, so that one seed gives one model. Not thread-safe: one per graph build.
 */
final class Weights {
  private final Ops tf;
  private final SplittableRandom random;

  Weights(Ops tf, long seed) {
    this.tf = tf;
    this.random = new SplittableRandom(seed);
  }

  /** A [rows, width] table of N(0, scale^2) values. */
  Variable<TFloat32> normal(int rows, int width, double scale) {
    float[][] values = new float[rows][width];
    for (float[] row : values) {
      for (int j = 0; j < width; j++) {
        row[j] = (float) (gaussian() * scale);
      }
    }
    return tf.variable(tf.constant(values));
  }

  /** A Glorot-uniform [inputs, outputs] matrix. */
  Variable<TFloat32> glorot(int inputs, int outputs) {
    float limit = (float) Math.sqrt(6.0 / (inputs + outputs));
    float[][] values = new float[inputs][outputs];
    for (float[] row : values) {
      for (int j = 0; j < outputs; j++) {
        row[j] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
    }
    return tf.variable(tf.constant(values));
  }

  /** A vector of {@code width} copies of {@code value}. */
  Variable<TFloat32> filled(int width, float value) {
    float[] values = new float[width];
    java.util.Arrays.fill(values, value);
    return tf.variable(tf.constant(values));
  }

  /** {@code x W + b} for a [n, inputs] x. */
  Operand<TFloat32> dense(Operand<TFloat32> x, int inputs, int outputs, boolean bias) {
    Operand<TFloat32> y = tf.linalg.matMul(x, glorot(inputs, outputs));
    return bias ? tf.math.add(y, filled(outputs, 0f)) : y;
  }

  /** Layer normalisation over the last axis of a [n, width] x, with a learned gain and bias. */
  Operand<TFloat32> layerNorm(Operand<TFloat32> x, int width) {
    Operand<TFloat32> mean =
        tf.math.mean(x, tf.constant(-1), org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> centred = tf.math.sub(x, mean);
    Operand<TFloat32> variance =
        tf.math.mean(
            tf.math.mul(centred, centred),
            tf.constant(-1),
            org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> normalised =
        tf.math.div(centred, tf.math.sqrt(tf.math.add(variance, tf.constant(1e-5f))));
    return tf.math.add(tf.math.mul(normalised, filled(width, 1f)), filled(width, 0f));
  }

  private double gaussian() {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
