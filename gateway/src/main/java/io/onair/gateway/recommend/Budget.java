package io.onair.gateway.recommend;

import io.onair.gateway.config.StageShares;

/**
 * The time budget of one request: the call's deadline capped by configuration, split by the stage
 * shares. Times are {@link System#nanoTime()} based. Immutable.
 *
 * @param startNanos when the request started
 * @param totalMicros the whole budget
 */
public record Budget(long startNanos, long totalMicros, StageShares shares) {
  public Budget {
    if (totalMicros <= 0) {
      throw new IllegalArgumentException("totalMicros must be > 0, got " + totalMicros);
    }
  }

  /** The feature read's time limit. */
  public long featuresMicros() {
    return Math.max(1, Math.round(totalMicros * shares.features()));
  }

  /**
   * Recall's time limit: its share, plus what the feature read left of its own, but never past the
   * point where ranking's share and the reserve would not fit.
   */
  public long recallMicros(long nowNanos) {
    long end = Math.round(totalMicros * (shares.features() + shares.recall()));
    return Math.max(0, end - elapsedMicros(nowNanos));
  }

  /** Ranking's time limit: everything left except the reserve for fusion and filters. */
  public long rankMicros(long nowNanos) {
    long end = Math.round(totalMicros * (1 - shares.reserve()));
    return Math.max(0, end - elapsedMicros(nowNanos));
  }

  public long elapsedMicros(long nowNanos) {
    return (nowNanos - startNanos) / 1000;
  }
}
