package io.onair.vectorindex;

import static java.util.Objects.requireNonNull;

import io.onair.vectors.VectorSet;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live-only search: an index over the live anchors, never a filtered search over all of them.
 *
 * <p>Liveness changes by the minute and only a share of the anchors is live at once. A graph over
 * every anchor searched with a liveness filter loses to an exact scan of the live set at the sizes
 * measured here (docs/vector-recall.md), and over-fetching from it misses live anchors. So for each
 * live set:
 *
 * <ul>
 *   <li>the live rows' vectors are packed into an {@link ExactSearch} at once (a copy of the live
 *       vectors, microseconds to a millisecond), which answers exactly;
 *   <li>above {@link LiveIndexSettings#exactMaxLive()} live anchors, an {@link HnswSearch} over the
 *       live rows is built in the background on the given executor and swapped in atomically when
 *       done; until then the exact scan answers;
 *   <li>when every anchor is live and a prebuilt graph over all of them was given (loaded from
 *       {@link VectorIndexArtifacts}), that graph answers.
 * </ul>
 *
 * The current snapshot is replaced when a request brings another live set; requests with the same
 * live set share it. Results only ever come from an index over the live rows, so a non-live anchor
 * can never be returned.
 *
 * <p>Thread-safe: the snapshot is an immutable value behind an {@link AtomicReference}.
 */
public final class LiveAnchorIndex {
  private static final System.Logger log = System.getLogger(LiveAnchorIndex.class.getName());

  private final VectorSet vectors;
  private final LiveIndexSettings settings;
  private final Executor buildExecutor;
  private final HnswSearch everyAnchorGraph;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  /** The index for one live set: exact at once, a graph later when the set is large. */
  private record Snapshot(BitSet live, ExactSearch exact, HnswSearch graph) {
    VectorSearch search() {
      return graph != null ? graph : exact;
    }
  }

  /**
   * @param vectors the anchor vectors, rows as in the live sets passed to {@link #forLive}
   * @param settings the crossover and the graph parameters
   * @param buildExecutor where background graph builds run (a bounded, named executor the caller
   *     owns); a rejected build leaves the exact scan answering
   * @param everyAnchorGraph a graph over every row, used when every anchor is live, or empty
   */
  public LiveAnchorIndex(
      VectorSet vectors,
      LiveIndexSettings settings,
      Executor buildExecutor,
      Optional<HnswSearch> everyAnchorGraph) {
    this.vectors = requireNonNull(vectors, "vectors is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.buildExecutor = requireNonNull(buildExecutor, "buildExecutor is null");
    this.everyAnchorGraph =
        requireNonNull(everyAnchorGraph, "everyAnchorGraph is null").orElse(null);
    if (this.everyAnchorGraph != null && this.everyAnchorGraph.size() != vectors.size()) {
      throw new IllegalArgumentException(
          "the graph covers "
              + this.everyAnchorGraph.size()
              + " vectors, the anchors are "
              + vectors.size());
    }
  }

  public VectorSet vectors() {
    return vectors;
  }

  /**
   * The search over exactly the rows set in {@code liveRows}. Do not change {@code liveRows}
   * afterwards (it is copied only when it starts a new snapshot).
   */
  public VectorSearch forLive(BitSet liveRows) {
    requireNonNull(liveRows, "liveRows is null");
    Snapshot snapshot = current.get();
    if (snapshot != null && snapshot.live().equals(liveRows)) {
      return snapshot.search();
    }
    BitSet live = (BitSet) liveRows.clone();
    if (live.length() > vectors.size()) {
      throw new IllegalArgumentException(
          "live row " + (live.length() - 1) + " is outside 0.." + (vectors.size() - 1));
    }
    int[] rows = live.stream().toArray();
    if (everyAnchorGraph != null && rows.length == vectors.size()) {
      Snapshot all = new Snapshot(live, null, everyAnchorGraph);
      current.set(all);
      return everyAnchorGraph;
    }
    Snapshot fresh = new Snapshot(live, ExactSearch.over(vectors, rows), null);
    current.set(fresh);
    if (rows.length > settings.exactMaxLive()) {
      scheduleGraph(fresh, rows);
    }
    return fresh.search();
  }

  /** Which search answers for the current live set, for logs and tests ("exact", "hnsw"). */
  public Optional<String> currentKind() {
    Snapshot snapshot = current.get();
    return snapshot == null ? Optional.empty() : Optional.of(snapshot.search().kind());
  }

  private void scheduleGraph(Snapshot snapshot, int[] rows) {
    try {
      buildExecutor.execute(
          () -> {
            if (current.get() != snapshot) {
              return; // the live set moved on before the build started
            }
            try {
              HnswSearch graph =
                  HnswSearch.build(
                      vectors, rows, settings.hnsw(), settings.buildThreads(), BuildProgress.NONE);
              // Swap only if the live set is still the one the graph covers.
              current.compareAndSet(
                  snapshot, new Snapshot(snapshot.live(), snapshot.exact(), graph));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
              log.log(
                  System.Logger.Level.WARNING,
                  "building the HNSW graph over "
                      + rows.length
                      + " live anchors failed; the exact scan keeps answering: "
                      + e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.log(
          System.Logger.Level.DEBUG,
          "no room to build a graph over {0} live anchors now; the exact scan answers",
          rows.length);
    }
  }
}
