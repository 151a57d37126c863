package io.onair.features.memory;

import io.onair.features.FeatureStoreConfig;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the in-memory store holds about one user. One lock per user: a read sees a consistent
 * snapshot of the user, and writes to different users never contend.
 *
 * <p>Thread-safe: every method synchronizes on this object.
 */
final class UserState {
  private final FeatureStoreConfig config;
  private Map<String, String> profile = Map.of();
  private final Map<HistoryKind, RankedHistory> histories = new EnumMap<>(HistoryKind.class);
  private final Map<String, Long> exposedAt = new HashMap<>();

  UserState(FeatureStoreConfig config) {
    this.config = config;
    for (HistoryKind kind : HistoryKind.values()) {
      histories.put(kind, new RankedHistory());
    }
  }

  synchronized void putProfile(Map<String, String> features) {
    profile = features;
  }

  synchronized void replaceHistory(HistoryKind kind, List<ScoredId> entries) {
    histories.get(kind).replace(entries, config.historyMaxLength());
  }

  synchronized void incrementHistory(HistoryKind kind, String id, double delta) {
    histories.get(kind).increment(id, delta, config.historyMaxLength());
  }

  synchronized void putHistoryEntry(HistoryKind kind, String id, double score) {
    histories.get(kind).put(id, score, config.historyMaxLength());
  }

  synchronized void removeHistoryEntry(HistoryKind kind, String id) {
    histories.get(kind).remove(id);
  }

  synchronized void recordExposures(Collection<String> anchorIds, long atEpochSecond) {
    for (String anchorId : anchorIds) {
      // The latest time wins even when events arrive out of order (Redis: ZADD GT).
      exposedAt.merge(anchorId, atEpochSecond, Math::max);
    }
    long forgetAtOrBefore = atEpochSecond - config.exposureWindowSeconds();
    exposedAt.values().removeIf(shownAt -> shownAt <= forgetAtOrBefore);
  }

  synchronized UserFeatures read(String userId, long nowEpochSecond) {
    Map<HistoryKind, List<ScoredId>> lists = new EnumMap<>(HistoryKind.class);
    histories.forEach((kind, history) -> lists.put(kind, history.top(config.historyMaxLength())));
    long windowStartExclusive = nowEpochSecond - config.exposureWindowSeconds();
    Set<String> exposed = new HashSet<>();
    exposedAt.forEach(
        (anchorId, shownAt) -> {
          if (shownAt > windowStartExclusive && shownAt <= nowEpochSecond) {
            exposed.add(anchorId);
          }
        });
    return new UserFeatures(userId, profile, lists, exposed);
  }
}
