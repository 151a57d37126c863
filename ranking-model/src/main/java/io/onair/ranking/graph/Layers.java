package io.onair.ranking.graph;

import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Dense layers with classic variables (the framework optimizers only see those) and seeded
 * Glorot-uniform initial weights, so one seed gives one model. Not thread-safe: one per graph
 * build.
 */
final class Layers {
  private final Ops tf;
  private final SplittableRandom random;

  Layers(Ops tf, long seed) {
    this.tf = tf;
    this.random = new SplittableRandom(seed);
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
    Operand<TFloat32> y = tf.math.add(tf.linalg.matMul(x, w), b);
    return relu ? tf.nn.relu(y) : y;
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
