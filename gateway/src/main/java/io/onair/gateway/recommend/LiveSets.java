package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import io.onair.features.FeatureStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The anchors live at a second, read from the feature store's live schedule and shared by the
 * requests of the same second: the last {@value #CACHED_SECONDS} seconds asked for are cached by
 * their exact second (as recall does), so every request of a busy second costs one read, and a
 * schedule change is seen from the next second on. A failed read is not cached.
 *
 * <p>Thread-safe: the cache is guarded by its own lock; cached sets are immutable.
 */
final class LiveSets {
  static final int CACHED_SECONDS = 64;

  private final FeatureStore store;
  private final Map<Long, CompletableFuture<Set<String>>> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<Set<String>>> e) {
          return size() > CACHED_SECONDS;
        }
      };

  LiveSets(FeatureStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** The live set at {@code second}, possibly still being read. */
  CompletableFuture<Set<String>> at(long second) {
    CompletableFuture<Set<String>> live;
    synchronized (cache) {
      live = cache.get(second);
      if (live != null && !live.isCompletedExceptionally()) {
        return live;
      }
      live = store.liveAnchors(second).thenApply(Set::copyOf);
      cache.put(second, live);
    }
    live.whenComplete(
        (set, failure) -> {
          if (failure != null) {
            synchronized (cache) {
              cache.remove(second);
            }
          }
        });
    return live;
  }
}
