package io.onair.simulator.world;

import io.onair.simulator.random.RandomStream;

/**
 * Vectors of taste (users), style (anchors) and items live on the unit sphere of one space, stored
 * as rows of flat float arrays. Affinity is the dot product. Immutable and thread-safe.
 */
public final class LatentSpace {
  private final int dimension;

  public LatentSpace(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive: " + dimension);
    }
    this.dimension = dimension;
  }

  public int dimension() {
    return dimension;
  }

  /** A uniformly random direction written into {@code out} (length dimension). */
  public void randomUnit(RandomStream random, double[] out) {
    for (int i = 0; i < dimension; i++) {
      out[i] = random.nextGaussian();
    }
    normalize(out);
  }

  /** Adds isotropic Gaussian noise whose expected norm is about {@code norm}. */
  public void addNoise(RandomStream random, double[] vector, double norm) {
    double sigma = norm / StrictMath.sqrt(dimension);
    for (int i = 0; i < dimension; i++) {
      vector[i] += sigma * random.nextGaussian();
    }
  }

  /** Adds {@code weight} times row {@code row} of {@code matrix} to {@code vector}. */
  public void addRow(double[] vector, float[] matrix, int row, double weight) {
    int offset = row * dimension;
    for (int i = 0; i < dimension; i++) {
      vector[i] += weight * matrix[offset + i];
    }
  }

  /** Scales {@code vector} to unit length (a zero vector stays zero). */
  public void normalize(double[] vector) {
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += vector[i] * vector[i];
    }
    if (sum > 0) {
      double scale = 1.0 / StrictMath.sqrt(sum);
      for (int i = 0; i < dimension; i++) {
        vector[i] *= scale;
      }
    }
  }

  /** Stores {@code vector} as row {@code row} of {@code matrix}. */
  public void store(double[] vector, float[] matrix, int row) {
    int offset = row * dimension;
    for (int i = 0; i < dimension; i++) {
      matrix[offset + i] = (float) vector[i];
    }
  }

  /** Dot product of row {@code rowA} of {@code a} and row {@code rowB} of {@code b}. */
  public double dot(float[] a, int rowA, float[] b, int rowB) {
    int offsetA = rowA * dimension;
    int offsetB = rowB * dimension;
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += (double) a[offsetA + i] * b[offsetB + i];
    }
    return sum;
  }
}
