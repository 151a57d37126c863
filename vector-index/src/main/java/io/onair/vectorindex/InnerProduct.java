package io.onair.vectorindex;

/**
 * The scalar inner product every search in this package uses, so that exact search, HNSW and the
 * benchmarks score a pair identically. Four independent accumulators let the JIT keep several
 * multiply-adds in flight; it is the portable fallback that needs no incubator module.
 */
public final class InnerProduct {
  private InnerProduct() {}

  /** {@code sum a[i] * b[offset + i]} over {@code a.length} components. */
  public static float dot(float[] a, float[] b, int offset) {
    int n = a.length;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i] * b[offset + i];
      s1 += a[i + 1] * b[offset + i + 1];
      s2 += a[i + 2] * b[offset + i + 2];
      s3 += a[i + 3] * b[offset + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[offset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code sum a[i] * b[i]}; the arrays must have one length. */
  public static float dot(float[] a, float[] b) {
    return dot(a, b, 0);
  }
}
