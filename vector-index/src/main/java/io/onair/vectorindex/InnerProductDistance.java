package io.onair.vectorindex;

import com.github.jelmerk.hnswlib.core.DistanceFunction;

/**
 * hnswlib's distance for inner-product search: {@code 1 - dot}, smaller is nearer, computed by the
 * same {@link InnerProduct} as the exact search. Serialized with the graph, hence a named class.
 */
final class InnerProductDistance implements DistanceFunction<float[], Float> {
  private static final long serialVersionUID = 1L;

  @Override
  public Float distance(float[] a, float[] b) {
    return 1f - InnerProduct.dot(a, b);
  }
}
