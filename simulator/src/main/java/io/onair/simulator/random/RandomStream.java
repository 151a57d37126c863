package io.onair.simulator.random;

/**
 * A SplitMix64 generator (the algorithm of {@link java.util.SplittableRandom}) written out here so
 * that its output, and every derived draw, is fixed by this source and not by the JDK version: the
 * simulator promises byte-identical output for a seed on any machine.
 *
 * <p>A stream can be re-seeded, so hot loops reuse one instance instead of allocating one per
 * session. Derived distributions use {@link StrictMath}, whose results are specified bit for bit.
 * Not thread-safe.
 */
public final class RandomStream {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  public RandomStream(long seed) {
    this.state = seed;
  }

  /** Restarts this stream at {@code seed}, as if newly created. */
  public RandomStream reseed(long seed) {
    this.state = seed;
    return this;
  }

  /** The SplitMix64 finalizer (Stafford's variant 13): a bijective 64-bit mixing function. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** Uniform in [0, 1), 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform in (0, 1): safe to take the logarithm of. */
  public double nextOpenDouble() {
    return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
  }

  /** Uniform in [0, bound), unbiased (Lemire's multiply-and-reject on 32 bits). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long product = (nextLong() >>> 32) * bound;
    int low = (int) product & 0xFFFFFFFF;
    if (Integer.compareUnsigned(low, bound) < 0) {
      int threshold = Integer.remainderUnsigned(-bound, bound);
      while (Integer.compareUnsigned(low, threshold) < 0) {
        product = (nextLong() >>> 32) * bound;
        low = (int) product;
      }
    }
    return (int) (product >>> 32);
  }

  /** Uniform in [from, to). */
  public double nextDouble(double from, double to) {
    return from + (to - from) * nextDouble();
  }

  public boolean bernoulli(double probability) {
    return nextDouble() < probability;
  }

  /**
   * A standard normal draw by the Box-Muller transform (one value per two uniforms, no cached
   * spare, so that the number of uniforms consumed is always two).
   */
  public double nextGaussian() {
    double u = nextOpenDouble();
    double v = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
  }

  /** Exponential with mean 1. */
  public double nextExponential() {
    return -StrictMath.log(nextOpenDouble());
  }

  /**
   * A Poisson draw: Knuth's product of uniforms below a mean of 30, a rounded normal approximation
   * above (where the relative error of the approximation is negligible for traffic counts).
   */
  public int nextPoisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 30) {
      double limit = StrictMath.exp(-mean);
      double product = nextDouble();
      int count = 0;
      while (product > limit) {
        product *= nextDouble();
        count++;
      }
      return count;
    }
    long value = Math.round(mean + StrictMath.sqrt(mean) * nextGaussian());
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
  }

  /** A Gumbel(0, 1) draw, used for noisy ranking. */
  public double nextGumbel() {
    return -StrictMath.log(-StrictMath.log(nextOpenDouble()));
  }
}
