package io.onair.vectorindex;

import static java.util.Objects.requireNonNull;

/**
 * How {@link LiveAnchorIndex} searches the live anchors.
 *
 * @param hnsw the graph's parameters, for live sets above {@code exactMaxLive}
 * @param exactMaxLive the crossover: live sets of at most this many anchors are searched by an
 *     exact scan of their packed vectors (always exact, rebuilt in microseconds when the live set
 *     changes); larger ones get an HNSW graph built in the background. {@code bench hnsw} measures
 *     where HNSW starts to pay (docs/vector-recall.md)
 * @param buildThreads threads of a background graph build
 */
public record LiveIndexSettings(HnswParameters hnsw, int exactMaxLive, int buildThreads) {
  /** M 16, efConstruction 100, ef 400, exact up to 50,000 live anchors, builds on 2 threads. */
  public static final LiveIndexSettings DEFAULTS =
      new LiveIndexSettings(HnswParameters.DEFAULTS, 50_000, 2);

  public LiveIndexSettings {
    requireNonNull(hnsw, "hnsw is null");
    if (exactMaxLive < 0) {
      throw new IllegalArgumentException("exactMaxLive must not be negative, got " + exactMaxLive);
    }
    if (buildThreads < 1 || buildThreads > 256) {
      throw new IllegalArgumentException("buildThreads must be 1 to 256, got " + buildThreads);
    }
  }
}
