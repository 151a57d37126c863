package io.onair.recall.engine;

import static java.util.Objects.requireNonNull;

import io.onair.features.FeatureStore;
import io.onair.recall.ErrorCode;
import io.onair.recall.RecallException;
import io.onair.recall.route.RelationTables;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The anchors live at a second, as a set of anchor indexes, read from the feature store's live
 * schedule. Requests at the same second share one read: the last {@value #CACHED_SECONDS} seconds
 * asked for are cached by their exact second, so the answer is always exact (a schedule change
 * within a cached second is seen from the next second on). A relations artifact built from a
 * dataset without a live schedule makes every anchor always live.
 *
 * <p>Thread-safe: the cache is guarded by its own lock; cached sets are never modified.
 */
final class LiveAnchors {
  static final int CACHED_SECONDS = 64;

  private final FeatureStore store;
  private final RelationTables tables;
  private final Map<Long, BitSet> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BitSet> eldest) {
          return size() > CACHED_SECONDS;
        }
      };

  LiveAnchors(FeatureStore store, RelationTables tables) {
    this.store = requireNonNull(store, "store is null");
    this.tables = requireNonNull(tables, "tables is null");
  }

  /** The live anchors at {@code second}; do not modify the result. */
  BitSet at(long second, long timeoutNanos) {
    if (tables.relations().alwaysLive()) {
      BitSet all = new BitSet(tables.anchorCount());
      all.set(0, tables.anchorCount());
      return all;
    }
    synchronized (cache) {
      BitSet cached = cache.get(second);
      if (cached != null) {
        return cached;
      }
    }
    Set<String> ids;
    try {
      ids = store.liveAnchors(second).get(Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecallException(ErrorCode.UNAVAILABLE, "interrupted reading the live schedule");
    } catch (ExecutionException | TimeoutException e) {
      throw new RecallException(
          ErrorCode.UNAVAILABLE, "the live schedule could not be read: " + e, e);
    }
    BitSet live = new BitSet(tables.anchorCount());
    for (String id : ids) {
      int anchor = tables.anchor(id);
      if (anchor >= 0) {
        live.set(anchor);
      }
    }
    synchronized (cache) {
      cache.put(second, live);
    }
    return live;
  }
}
