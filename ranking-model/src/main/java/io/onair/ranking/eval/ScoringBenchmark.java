package io.onair.ranking.eval;

import static java.util.Objects.requireNonNull;

import io.onair.ranking.export.RankingModelBundle;
import io.onair.ranking.features.EncodedBatch;
import java.util.Arrays;

/**
 * Measures the bare model: one request of {@code candidates} ready-encoded rows scored through the
 * exported SavedModel's function (tensor creation included, feature lookup and gRPC excluded), on
 * the calling thread. A measurement, never a test assertion. Stateless.
 */
public final class ScoringBenchmark {
  private ScoringBenchmark() {}

  /** Latency percentiles in milliseconds and the rows scored per second. */
  public record Result(
      int candidates, int requests, double p50Millis, double p99Millis, double rowsPerSecond) {}

  /**
   * Scores {@code batch} (the candidates of one request) {@code warmup} times unmeasured, then
   * {@code requests} times measured.
   */
  public static Result run(
      RankingModelBundle bundle, EncodedBatch batch, int warmup, int requests) {
    requireNonNull(bundle, "bundle is null");
    requireNonNull(batch, "batch is null");
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be >= 1");
    }
    for (int i = 0; i < warmup; i++) {
      bundle.score(batch);
    }
    long[] nanos = new long[requests];
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      long t0 = System.nanoTime();
      bundle.score(batch);
      nanos[i] = System.nanoTime() - t0;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    return new Result(
        batch.rows(),
        requests,
        nanos[requests / 2] / 1e6,
        nanos[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6,
        (double) batch.rows() * requests / seconds);
  }
}
