package io.onair.simulator.random;

/**
 * Derives the seed of every independent random stream of a simulation from the master seed, a
 * {@link StreamKind} and up to two coordinates (an entity id, a day, an ordinal), through the
 * SplitMix64 mixing function. Streams never depend on the order in which other streams are used, so
 * an entity's attributes do not change when another part of the world is drawn differently.
 *
 * <p>Immutable and thread-safe.
 */
public final class Seeds {
  private static final long KIND_SALT = 0xD1B54A32D192ED03L;
  private static final long FIRST_SALT = 0x8CB92BA72F3D8DD7L;
  private static final long SECOND_SALT = 0xABC98388FB8FAC03L;

  private final long master;

  public Seeds(long master) {
    this.master = RandomStream.mix64(master ^ 0x5DEECE66DL);
  }

  public long seed(StreamKind kind, long first, long second) {
    long h = RandomStream.mix64(master + (kind.ordinal() + 1) * KIND_SALT);
    h = RandomStream.mix64(h + (first + 1) * FIRST_SALT);
    return RandomStream.mix64(h + (second + 1) * SECOND_SALT);
  }

  public long seed(StreamKind kind, long first) {
    return seed(kind, first, -1);
  }

  /** A fresh stream for (kind, first, second). */
  public RandomStream stream(StreamKind kind, long first, long second) {
    return new RandomStream(seed(kind, first, second));
  }

  public RandomStream stream(StreamKind kind, long first) {
    return new RandomStream(seed(kind, first));
  }
}
