package io.onair.features.memory;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.activity.ActivityCounter;
import io.onair.dataset.activity.ActivityWindow;
import io.onair.features.ActivityEvent;
import io.onair.features.AnchorFeatures;
import io.onair.features.FeatureArguments;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.HistoryKind;
import io.onair.features.LiveSession;
import io.onair.features.UserFeatures;
import io.onair.features.UserHistory;
import io.onair.features.UserProfile;
import io.onair.features.UserVectors;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The embedded feature store, used when no Redis is configured ({@code onair quickstart}). Same
 * semantics as the Redis store, checked by the same contract test.
 *
 * <p>Thread-safe. Users live in a {@link ConcurrentHashMap}, each guarded by its own lock; anchors
 * are immutable records in a {@link ConcurrentHashMap}; the live schedule has a read-write lock.
 * Operations run in the calling thread and return completed futures.
 *
 * <p>The namespace is ignored: each instance is its own namespace.
 */
public final class InMemoryFeatureStore implements FeatureStore {
  private final FeatureStoreConfig config;
  private final ConcurrentMap<String, UserState> users = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AnchorFeatures> anchors = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, UserVectors> userVectors = new ConcurrentHashMap<>();
  private final LiveSchedule liveSchedule = new LiveSchedule();

  /** Each counter is guarded by its own monitor. */
  private final ConcurrentMap<String, ActivityCounter> activity = new ConcurrentHashMap<>();

  private volatile boolean closed;

  public InMemoryFeatureStore(FeatureStoreConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  public FeatureStoreConfig config() {
    return config;
  }

  @Override
  public CompletableFuture<UserFeatures> readUser(String userId, long nowEpochSecond) {
    FeatureArguments.requireId(userId, "userId");
    requireOpen();
    UserState state = users.get(userId);
    return CompletableFuture.completedFuture(
        state == null ? UserFeatures.unknown(userId) : state.read(userId, nowEpochSecond));
  }

  @Override
  public CompletableFuture<Map<String, AnchorFeatures>> readAnchors(Collection<String> anchorIds) {
    List<String> ids = FeatureArguments.copyElements(anchorIds, "anchorIds");
    ids.forEach(id -> FeatureArguments.requireId(id, "anchorIds element"));
    requireOpen();
    Map<String, AnchorFeatures> found = new HashMap<>();
    for (String id : ids) {
      AnchorFeatures anchor = anchors.get(id);
      if (anchor != null) {
        found.put(id, anchor);
      }
    }
    return CompletableFuture.completedFuture(Map.copyOf(found));
  }

  @Override
  public CompletableFuture<Set<String>> liveAnchors(long atEpochSecond) {
    requireOpen();
    return CompletableFuture.completedFuture(Set.copyOf(liveSchedule.liveAt(atEpochSecond)));
  }

  @Override
  public CompletableFuture<Map<String, Long>> liveSessionStarts(long atEpochSecond) {
    requireOpen();
    return CompletableFuture.completedFuture(Map.copyOf(liveSchedule.startsAt(atEpochSecond)));
  }

  @Override
  public CompletableFuture<Void> recordActivity(Collection<ActivityEvent> events) {
    List<ActivityEvent> all = FeatureArguments.copyElements(events, "events");
    requireOpen();
    for (ActivityEvent event : all) {
      ActivityCounter counter = activity.computeIfAbsent(event.key(), key -> new ActivityCounter());
      synchronized (counter) {
        counter.record(event.kind(), event.epochSecond(), event.count());
      }
    }
    return done();
  }

  @Override
  public CompletableFuture<Map<String, ActivityWindow>> readActivity(
      Collection<String> keys, long atEpochSecond) {
    List<String> ids = FeatureArguments.copyElements(keys, "keys");
    ids.forEach(id -> FeatureArguments.requireId(id, "keys element"));
    requireOpen();
    Map<String, ActivityWindow> windows = new LinkedHashMap<>();
    for (String key : ids) {
      ActivityCounter counter = activity.get(key);
      if (counter == null) {
        windows.put(key, ActivityWindow.EMPTY);
      } else {
        synchronized (counter) {
          windows.put(key, counter.window(atEpochSecond));
        }
      }
    }
    return CompletableFuture.completedFuture(Map.copyOf(windows));
  }

  @Override
  public CompletableFuture<Void> putUserProfiles(Collection<UserProfile> profiles) {
    List<UserProfile> all = FeatureArguments.copyElements(profiles, "profiles");
    requireOpen();
    for (UserProfile profile : all) {
      user(profile.userId()).putProfile(profile.features());
    }
    return done();
  }

  @Override
  public CompletableFuture<Void> putAnchors(Collection<AnchorFeatures> anchorFeatures) {
    List<AnchorFeatures> all = FeatureArguments.copyElements(anchorFeatures, "anchors");
    requireOpen();
    for (AnchorFeatures anchor : all) {
      anchors.put(anchor.anchorId(), anchor);
    }
    return done();
  }

  @Override
  public CompletableFuture<Void> replaceHistories(Collection<UserHistory> histories) {
    List<UserHistory> all = FeatureArguments.copyElements(histories, "histories");
    requireOpen();
    for (UserHistory history : all) {
      user(history.userId()).replaceHistory(history.kind(), history.entries());
    }
    return done();
  }

  @Override
  public CompletableFuture<Void> putLiveSessions(Collection<LiveSession> sessions) {
    List<LiveSession> all = FeatureArguments.copyElements(sessions, "sessions");
    requireOpen();
    liveSchedule.putAll(all);
    return done();
  }

  @Override
  public CompletableFuture<Void> incrementHistory(
      String userId, HistoryKind kind, String id, double delta) {
    checkHistoryArguments(userId, kind, id);
    FeatureArguments.requireFinite(delta, "delta");
    requireOpen();
    user(userId).incrementHistory(kind, id, delta);
    return done();
  }

  @Override
  public CompletableFuture<Void> putHistoryEntry(
      String userId, HistoryKind kind, String id, double score) {
    checkHistoryArguments(userId, kind, id);
    FeatureArguments.requireFinite(score, "score");
    requireOpen();
    user(userId).putHistoryEntry(kind, id, score);
    return done();
  }

  @Override
  public CompletableFuture<Void> removeHistoryEntry(String userId, HistoryKind kind, String id) {
    checkHistoryArguments(userId, kind, id);
    requireOpen();
    UserState state = users.get(userId);
    if (state != null) {
      state.removeHistoryEntry(kind, id);
    }
    return done();
  }

  @Override
  public CompletableFuture<Void> recordExposures(
      String userId, Collection<String> anchorIds, long atEpochSecond) {
    FeatureArguments.requireId(userId, "userId");
    List<String> ids = FeatureArguments.copyElements(anchorIds, "anchorIds");
    ids.forEach(id -> FeatureArguments.requireId(id, "anchorIds element"));
    requireOpen();
    user(userId).recordExposures(ids, atEpochSecond);
    return done();
  }

  @Override
  public CompletableFuture<Void> putUserVectors(
      String version, String modality, Map<String, float[]> vectorsByUser) {
    List<Map.Entry<String, float[]>> all =
        FeatureArguments.checkUserVectors(version, modality, vectorsByUser);
    requireOpen();
    for (Map.Entry<String, float[]> entry : all) {
      // compute() is atomic per user, like the Redis script: another version is dropped first.
      userVectors.compute(
          entry.getKey(),
          (userId, stored) -> {
            Map<String, float[]> vectors = new HashMap<>();
            if (stored != null && version.equals(stored.version())) {
              vectors.putAll(stored.byModality());
            }
            vectors.put(modality, entry.getValue());
            return new UserVectors(version, vectors);
          });
    }
    return done();
  }

  @Override
  public CompletableFuture<UserVectors> readUserVectors(String userId) {
    FeatureArguments.requireId(userId, "userId");
    requireOpen();
    return CompletableFuture.completedFuture(userVectors.getOrDefault(userId, UserVectors.empty()));
  }

  @Override
  public CompletableFuture<Void> clear() {
    requireOpen();
    users.clear();
    userVectors.clear();
    anchors.clear();
    activity.clear();
    liveSchedule.clear();
    return done();
  }

  @Override
  public void close() {
    closed = true;
  }

  private UserState user(String userId) {
    return users.computeIfAbsent(userId, id -> new UserState(config));
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("feature store is closed");
    }
  }

  private static void checkHistoryArguments(String userId, HistoryKind kind, String id) {
    FeatureArguments.requireId(userId, "userId");
    requireNonNull(kind, "kind is null");
    FeatureArguments.requireId(id, "id");
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
