package io.onair.vectorindex;

import io.onair.vectors.VectorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic clustered vectors for benchmarks and tests: {@code clusters} random centres (Gaussian,
 * unit variance per component), each vector a centre plus Gaussian noise of standard deviation 0.5
 * per component, so norms vary by the noise only (about 10% here), as within one trained embedding
 * table. A random per-vector scale of 0.5 to 1.5 on top was tried first: inner-product search is
 * then dominated by the largest norms and HNSW recall@100 at 100k fell to 0.81 (see
 * docs/vector-recall.md). Clustered data is what makes approximate search hard (and realistic);
 * uniform random vectors in 64 dimensions are nearly orthogonal and flatter than anything a model
 * learns. Deterministic for a seed.
 */
public final class ClusteredVectors {
  private ClusteredVectors() {}

  /** {@code count} vectors with ids {@code v0, v1, ...}. */
  public static VectorSet generate(int count, int dimension, int clusters, long seed) {
    if (count < 1 || dimension < 1 || clusters < 1) {
      throw new IllegalArgumentException(
          "count, dimension and clusters must be positive, got "
              + count
              + ", "
              + dimension
              + ", "
              + clusters);
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[][] centres = new float[clusters][dimension];
    for (float[] centre : centres) {
      for (int d = 0; d < dimension; d++) {
        centre[d] = (float) gaussian(random);
      }
    }
    float[] data = new float[count * dimension];
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] centre = centres[random.nextInt(clusters)];
      for (int d = 0; d < dimension; d++) {
        data[i * dimension + d] = (float) (centre[d] + 0.25 * gaussian(random));
      }
      ids.add("v" + i);
    }
    return VectorSet.of(ids, data, dimension);
  }

  /**
   * Query vectors near the data: a random vector of {@code like} plus Gaussian noise, so queries
   * fall in the same clusters as the data, as users' vectors fall near anchors they like.
   */
  public static float[][] queries(VectorSet like, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] queries = new float[count][];
    for (int i = 0; i < count; i++) {
      float[] query = like.vector(random.nextInt(like.size()));
      for (int d = 0; d < query.length; d++) {
        query[d] += (float) (0.5 * gaussian(random));
      }
      queries[i] = query;
    }
    return queries;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
