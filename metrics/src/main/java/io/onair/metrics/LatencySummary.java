package io.onair.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency percentiles of one benchmark series, in milliseconds (nearest-rank percentiles over every
 * sample, not histogram estimates: benchmarks keep their samples). Immutable.
 *
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param max the slowest sample
 * @param mean the arithmetic mean
 * @param samples how many samples
 */
public record LatencySummary(
    double p50, double p90, double p99, double max, double mean, int samples) {

  /** The summary of {@code millis} (all zero when empty). */
  public static LatencySummary of(Collection<Double> millis) {
    requireNonNull(millis, "millis is null");
    return of(millis.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The summary of {@code millis} (all zero when empty); the array is not changed. */
  public static LatencySummary of(double[] millis) {
    requireNonNull(millis, "millis is null");
    if (millis.length == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0);
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1],
        Arrays.stream(sorted).average().orElse(0),
        sorted.length);
  }

  /** The nearest-rank percentile {@code q} (0..1] of sorted samples. */
  public static double percentile(double[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** As JSON-ready fields, rounded to microseconds. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("p50_ms", round(p50));
    out.put("p90_ms", round(p90));
    out.put("p99_ms", round(p99));
    out.put("max_ms", round(max));
    out.put("mean_ms", round(mean));
    out.put("samples", samples);
    return out;
  }

  private static double round(double millis) {
    return Math.round(millis * 1000) / 1000.0;
  }
}
