package io.onair.features;

import io.onair.dataset.activity.ActivityWindow;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The online features that the services read per request: user profiles and histories, recent
 * exposures, anchor features and the live schedule. Open one with {@link FeatureStores#open}.
 *
 * <p><b>Thread-safety:</b> implementations are safe for concurrent use by any number of threads;
 * one instance is meant to be shared by a whole service.
 *
 * <p><b>Asynchrony:</b> every operation returns at once with a future, so a request can fan out
 * (read the user and the candidate anchors at the same time). The futures of the Redis store
 * complete on the Redis client's I/O threads: never block in a continuation (no {@code join()} of
 * another store future inside {@code thenApply}); move heavy work to your own executor with the
 * {@code *Async} variants.
 *
 * <p><b>Errors:</b> bad arguments (null or empty ids, null collections or elements, non-finite
 * scores) are refused at the call with {@link NullPointerException} or {@link
 * IllegalArgumentException}, and so is any call after {@link #close()} ({@link
 * IllegalStateException}). Storage failures complete the future exceptionally with a {@link
 * FeatureStoreException} that carries the backend's error.
 *
 * <p><b>Time:</b> every time is an event time in epoch seconds passed by the caller, never the wall
 * clock, so replays and simulations see the same behaviour as production.
 *
 * <p><b>Consistency:</b> each write of a single key is atomic (a reader sees a whole history
 * replacement or none of it). A bulk write is not atomic as a whole: readers may see some users
 * loaded and others not yet.
 */
public interface FeatureStore extends AutoCloseable {

  /** The configuration this store was opened with. */
  FeatureStoreConfig config();

  /**
   * Reads the profile, the three histories and the anchors exposed to the user in {@code (now -
   * exposureWindow, now]}. An unknown user yields empty features, not an error.
   */
  CompletableFuture<UserFeatures> readUser(String userId, long nowEpochSecond);

  /**
   * Reads the features of the given anchors. Ids that the store does not hold are absent from the
   * map; duplicates are read once.
   */
  CompletableFuture<Map<String, AnchorFeatures>> readAnchors(Collection<String> anchorIds);

  /** The anchors with a session where {@code start <= atEpochSecond < end}. */
  CompletableFuture<Set<String>> liveAnchors(long atEpochSecond);

  /**
   * The live sessions at {@code atEpochSecond}: anchor id to the start of its session live then
   * (the one that started last, when sessions overlap). The anchors are those of {@link
   * #liveAnchors}.
   */
  CompletableFuture<Map<String, Long>> liveSessionStarts(long atEpochSecond);

  /**
   * Counts activity for the real-time statistics ({@link io.onair.dataset.activity.ActivityCounter}
   * semantics: minute and hour buckets; an event more than an hour or a day older than what its
   * key's ring already holds is not counted in that ring). Keys without activity for a day are
   * forgotten.
   */
  CompletableFuture<Void> recordActivity(Collection<ActivityEvent> events);

  /**
   * The last hour's and last day's activity of each key before the minute of {@code atEpochSecond}
   * ({@link io.onair.dataset.activity.ActivityCounter#window}). Every key asked for is in the map,
   * {@link ActivityWindow#EMPTY} when nothing was counted; duplicates are read once.
   */
  CompletableFuture<Map<String, ActivityWindow>> readActivity(
      Collection<String> keys, long atEpochSecond);

  /** Stores profiles, each replacing the user's previous profile. */
  CompletableFuture<Void> putUserProfiles(Collection<UserProfile> profiles);

  /** Stores anchors, each replacing the anchor's previous features. */
  CompletableFuture<Void> putAnchors(Collection<AnchorFeatures> anchors);

  /**
   * Replaces whole histories: each keeps only its {@code historyMaxLength} highest-ranked entries
   * ({@link ScoredId#RANKING}). An empty history removes the user's history of that kind.
   */
  CompletableFuture<Void> replaceHistories(Collection<UserHistory> histories);

  /**
   * Adds sessions to the live schedule. A session with the same anchor and start as a stored one
   * replaces it (its end moves).
   */
  CompletableFuture<Void> putLiveSessions(Collection<LiveSession> sessions);

  /**
   * Adds {@code delta} to the score of {@code id} (a new id starts at 0), then trims the history to
   * its {@code historyMaxLength} highest-ranked entries, which may drop {@code id} itself.
   */
  CompletableFuture<Void> incrementHistory(
      String userId, HistoryKind kind, String id, double delta);

  /** Sets the score of {@code id}, then trims the history like {@link #incrementHistory}. */
  CompletableFuture<Void> putHistoryEntry(String userId, HistoryKind kind, String id, double score);

  /** Removes {@code id} from the history; removing an absent id does nothing. */
  CompletableFuture<Void> removeHistoryEntry(String userId, HistoryKind kind, String id);

  /**
   * Records that the anchors were shown to the user at {@code atEpochSecond}. An anchor shown
   * several times keeps its latest time, even when events arrive out of order. Also forgets the
   * user's exposures at or before {@code atEpochSecond - exposureWindow}, which no read at a time
   * after this event can see any more.
   */
  CompletableFuture<Void> recordExposures(
      String userId, Collection<String> anchorIds, long atEpochSecond);

  /**
   * Stores one modality's pretrained vectors for many users, all of pretraining version {@code
   * version}. Per user, atomically: if the user's stored vectors have another version, they are
   * dropped first (vectors of different versions never mix); then this modality's vector and the
   * version are set. Loading a new version therefore means putting every modality of it.
   *
   * @param version non-empty pretraining version id
   * @param modality non-empty modality name, not "version"
   * @param vectorsByUser user id to vector; all vectors non-empty, finite and of one dimension
   */
  CompletableFuture<Void> putUserVectors(
      String version, String modality, Map<String, float[]> vectorsByUser);

  /**
   * Reads a user's pretrained vectors: their version and one vector per stored modality. A user
   * without vectors gets {@link UserVectors#empty()}, not an error.
   */
  CompletableFuture<UserVectors> readUserVectors(String userId);

  /**
   * Removes everything in this store's namespace and nothing else. Meant for tests and reloads;
   * concurrent writes may survive it.
   */
  CompletableFuture<Void> clear();

  /**
   * Releases connections and threads. Pending futures may fail. Idempotent; further calls fail with
   * {@link IllegalStateException}.
   */
  @Override
  void close();
}
