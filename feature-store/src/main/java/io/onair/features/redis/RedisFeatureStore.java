package io.onair.features.redis;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.RedisCommand;
import io.onair.dataset.activity.ActivityWindow;
import io.onair.features.ActivityEvent;
import io.onair.features.AnchorFeatures;
import io.onair.features.FeatureArguments;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.HistoryKind;
import io.onair.features.LiveSession;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import io.onair.features.UserHistory;
import io.onair.features.UserProfile;
import io.onair.features.UserVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The feature store on Redis (standalone or Cluster) through lettuce, asynchronous and pipelined.
 * Key schema: {@link RedisKeys}; round trips: docs/feature-store.md.
 *
 * <ul>
 *   <li>{@link #readUser}: 5 commands (GET, 3 ZREVRANGE, ZRANGEBYSCORE) written as one batch with
 *       one flush, one round trip ({@link UserRead}); in a cluster they go to one node thanks to
 *       the user hash tag.
 *   <li>{@link #readAnchors}: one MGET whatever the number of anchors (lettuce splits it by slot in
 *       a cluster).
 *   <li>{@link #liveAnchors}, {@link #liveSessionStarts}: one ZRANGEBYSCORE over the sessions
 *       ending after the time.
 *   <li>{@link #readActivity}: one HGETALL per statistics key, pipelined ({@link
 *       ActivityCommands}); {@link #recordActivity}: one small Lua script per event, in batches.
 *   <li>{@link #readUserVectors}: one HGETALL of the user's vector hash ({@link
 *       UserVectorCommands}).
 *   <li>Bulk writes: batches of {@value BatchWriter#COMMANDS_PER_BATCH} commands on a dedicated
 *       connection; a whole history is replaced atomically by a small Lua script.
 * </ul>
 *
 * <p>Needs Redis 6.2 or newer (ZADD GT). Thread-safe: lettuce connections are, and this class keeps
 * no other mutable state than the closed flag.
 */
public final class RedisFeatureStore implements FeatureStore {
  private static final String CLUSTER_SCHEME = "redis-cluster://";
  private static final String CLUSTER_FORM = "redis-cluster://host:port[,host:port...]";

  /**
   * Replaces one history atomically: a reader sees the old list or the new one, never an empty or
   * half-written key. ARGV is score, member, score, member...; ZADD is called in chunks of 250
   * pairs because Lua's unpack() has a small stack limit.
   */
  private static final String REPLACE_SORTED_SET_SCRIPT =
      """
      redis.call('DEL', KEYS[1])
      for i = 1, #ARGV, 500 do
        redis.call('ZADD', KEYS[1], unpack(ARGV, i, math.min(i + 499, #ARGV)))
      end
      return #ARGV / 2
      """;

  private final FeatureStoreConfig config;
  private final RedisConnections connections;
  private final RedisClusterAsyncCommands<String, String> requests;
  private final RedisKeys keys;
  private final FeatureJson json = new FeatureJson();
  private final BatchWriter batchWriter;
  private final UserVectorCommands vectorCommands;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisFeatureStore(RedisConnections connections, FeatureStoreConfig config) {
    this.connections = requireNonNull(connections, "connections is null");
    this.config = requireNonNull(config, "config is null");
    this.requests = connections.requests();
    this.keys = new RedisKeys(config);
    this.batchWriter = new BatchWriter(connections);
    this.vectorCommands = new UserVectorCommands(keys);
  }

  /**
   * Opens a store on {@code redis://host:port[/db]} (or {@code rediss://} for TLS; lettuce's URI
   * syntax, so a password and {@code ?timeout=2s} may be given) or on {@code
   * redis-cluster://host:port[,host:port...]} (seed nodes of a cluster). Connects before returning.
   *
   * @throws IllegalArgumentException if the URI is malformed
   * @throws io.onair.features.FeatureStoreException if Redis does not answer
   */
  public static RedisFeatureStore open(String uri, FeatureStoreConfig config) {
    requireNonNull(uri, "uri is null");
    requireNonNull(config, "config is null");
    if (uri.startsWith(CLUSTER_SCHEME)) {
      return new RedisFeatureStore(RedisConnections.cluster(clusterSeeds(uri)), config);
    }
    if (uri.startsWith("redis://") || uri.startsWith("rediss://")) {
      return new RedisFeatureStore(RedisConnections.standalone(parse(uri, uri)), config);
    }
    throw new IllegalArgumentException(
        "'" + uri + "' is not a Redis URI: expected redis://host:port[/db] or " + CLUSTER_FORM);
  }

  private static List<RedisURI> clusterSeeds(String uri) {
    String nodes = uri.substring(CLUSTER_SCHEME.length());
    if (nodes.isBlank()) {
      throw new IllegalArgumentException("'" + uri + "' names no node: expected " + CLUSTER_FORM);
    }
    List<RedisURI> seeds = new ArrayList<>();
    for (String node : nodes.split(",", -1)) {
      if (!node.matches("[^:/,@]+:\\d{1,5}")) {
        throw new IllegalArgumentException(
            "'" + uri + "' has node '" + node + "', expected host:port in " + CLUSTER_FORM);
      }
      seeds.add(parse("redis://" + node, uri));
    }
    return seeds;
  }

  private static RedisURI parse(String redisUri, String asGiven) {
    try {
      return RedisURI.create(redisUri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + asGiven + "' is not a valid Redis URI: " + e.getMessage(), e);
    }
  }

  @Override
  public FeatureStoreConfig config() {
    return config;
  }

  @Override
  public CompletableFuture<UserFeatures> readUser(String userId, long nowEpochSecond) {
    FeatureArguments.requireId(userId, "userId");
    requireOpen();
    UserRead read =
        new UserRead(userId, nowEpochSecond, config, keys, json, connections.requestCodec());
    connections.dispatchRequests(read.commands());
    CompletableFuture<UserFeatures> features = read.result();
    return RedisFailures.describe(features, "readUser(" + userId + ")");
  }

  @Override
  public CompletableFuture<Map<String, AnchorFeatures>> readAnchors(Collection<String> anchorIds) {
    List<String> ids =
        List.copyOf(new LinkedHashSet<>(FeatureArguments.copyElements(anchorIds, "anchorIds")));
    ids.forEach(id -> FeatureArguments.requireId(id, "anchorIds element"));
    requireOpen();
    if (ids.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    String[] anchorKeys = ids.stream().map(keys::anchor).toArray(String[]::new);
    CompletableFuture<Map<String, AnchorFeatures>> anchors =
        requests
            .mget(anchorKeys)
            .toCompletableFuture()
            .thenApply(
                values -> {
                  // MGET answers in key order, also when lettuce splits it across cluster slots.
                  Map<String, AnchorFeatures> found = new HashMap<>();
                  for (int i = 0; i < values.size(); i++) {
                    KeyValue<String, String> value = values.get(i);
                    if (value.hasValue()) {
                      found.put(
                          ids.get(i),
                          json.decodeAnchor(ids.get(i), value.getValue(), anchorKeys[i]));
                    }
                  }
                  return Map.copyOf(found);
                });
    return RedisFailures.describe(anchors, "readAnchors(" + ids.size() + " anchors)");
  }

  @Override
  public CompletableFuture<Set<String>> liveAnchors(long atEpochSecond) {
    return liveSessionStarts(atEpochSecond).thenApply(starts -> Set.copyOf(starts.keySet()));
  }

  @Override
  public CompletableFuture<Map<String, Long>> liveSessionStarts(long atEpochSecond) {
    requireOpen();
    String scheduleKey = keys.liveSchedule();
    CompletableFuture<Map<String, Long>> live =
        requests
            .zrangebyscore(
                scheduleKey,
                Range.from(Range.Boundary.excluding(atEpochSecond), Range.Boundary.unbounded()))
            .toCompletableFuture()
            .thenApply(
                members -> {
                  Map<String, Long> starts = new HashMap<>();
                  for (String member : members) {
                    LiveScheduleMember session = LiveScheduleMember.decode(member, scheduleKey);
                    if (session.startEpochSecond() <= atEpochSecond) {
                      starts.merge(session.anchorId(), session.startEpochSecond(), Math::max);
                    }
                  }
                  return Map.copyOf(starts);
                });
    return RedisFailures.describe(live, "liveSessionStarts(" + atEpochSecond + ")");
  }

  @Override
  public CompletableFuture<Void> recordActivity(Collection<ActivityEvent> events) {
    List<ActivityEvent> all = FeatureArguments.copyElements(events, "events");
    requireOpen();
    return batchWriter.write(
        "recordActivity",
        all,
        BatchWriter.COMMANDS_PER_BATCH,
        (commands, batch) ->
            batch.stream()
                .map(
                    event ->
                        commands.<Long>eval(
                            ActivityCommands.RECORD_SCRIPT,
                            ScriptOutputType.INTEGER,
                            new String[] {keys.activity(event.key())},
                            ActivityCommands.recordArguments(event)))
                .toList());
  }

  @Override
  public CompletableFuture<Map<String, ActivityWindow>> readActivity(
      Collection<String> statisticsKeys, long atEpochSecond) {
    List<String> ids = FeatureArguments.copyElements(statisticsKeys, "keys");
    ids.forEach(id -> FeatureArguments.requireId(id, "keys element"));
    requireOpen();
    List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
    List<CompletableFuture<Map<String, String>>> reads = new ArrayList<>(unique.size());
    for (String key : unique) {
      reads.add(requests.hgetall(keys.activity(key)).toCompletableFuture());
    }
    CompletableFuture<Map<String, ActivityWindow>> windows =
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
            .thenApply(
                ignored -> {
                  Map<String, ActivityWindow> found = new HashMap<>();
                  for (int i = 0; i < unique.size(); i++) {
                    String key = unique.get(i);
                    found.put(
                        key,
                        ActivityCommands.window(
                            reads.get(i).join(), atEpochSecond, keys.activity(key)));
                  }
                  return Map.copyOf(found);
                });
    return RedisFailures.describe(windows, "readActivity(" + unique.size() + " keys)");
  }

  @Override
  public CompletableFuture<Void> putUserProfiles(Collection<UserProfile> profiles) {
    List<UserProfile> all = FeatureArguments.copyElements(profiles, "profiles");
    requireOpen();
    List<KeyValue<String, String>> values =
        all.stream()
            .map(
                profile ->
                    KeyValue.just(
                        keys.profile(profile.userId()), json.encodeProfile(profile.features())))
            .toList();
    return batchWriter.write(
        "putUserProfiles", values, BatchWriter.COMMANDS_PER_BATCH, RedisFeatureStore::setEach);
  }

  @Override
  public CompletableFuture<Void> putAnchors(Collection<AnchorFeatures> anchors) {
    List<AnchorFeatures> all = FeatureArguments.copyElements(anchors, "anchors");
    requireOpen();
    List<KeyValue<String, String>> values =
        all.stream()
            .map(anchor -> KeyValue.just(keys.anchor(anchor.anchorId()), json.encodeAnchor(anchor)))
            .toList();
    return batchWriter.write(
        "putAnchors", values, BatchWriter.COMMANDS_PER_BATCH, RedisFeatureStore::setEach);
  }

  @Override
  public CompletableFuture<Void> replaceHistories(Collection<UserHistory> histories) {
    List<UserHistory> all = FeatureArguments.copyElements(histories, "histories");
    requireOpen();
    record Replacement(String key, String[] scoresAndMembers) {}
    List<Replacement> replacements = new ArrayList<>(all.size());
    for (UserHistory history : all) {
      List<ScoredId> kept =
          history.entries().stream()
              .sorted(ScoredId.RANKING)
              .limit(config.historyMaxLength())
              .toList();
      String[] scoresAndMembers = new String[kept.size() * 2];
      for (int i = 0; i < kept.size(); i++) {
        // Double.toString round-trips exactly, and Redis parses its exponent form.
        scoresAndMembers[2 * i] = Double.toString(kept.get(i).score());
        scoresAndMembers[2 * i + 1] = kept.get(i).id();
      }
      replacements.add(
          new Replacement(keys.history(history.userId(), history.kind()), scoresAndMembers));
    }
    return batchWriter.write(
        "replaceHistories",
        replacements,
        BatchWriter.COMMANDS_PER_BATCH,
        (commands, batch) ->
            batch.stream()
                .map(
                    replacement ->
                        commands.<Long>eval(
                            REPLACE_SORTED_SET_SCRIPT,
                            ScriptOutputType.INTEGER,
                            new String[] {replacement.key()},
                            replacement.scoresAndMembers()))
                .toList());
  }

  @Override
  public CompletableFuture<Void> putLiveSessions(Collection<LiveSession> sessions) {
    List<LiveSession> all = FeatureArguments.copyElements(sessions, "sessions");
    requireOpen();
    String scheduleKey = keys.liveSchedule();
    List<ScoredValue<String>> members =
        all.stream()
            .map(
                session ->
                    ScoredValue.just(
                        (double) session.endEpochSecond(),
                        new LiveScheduleMember(session.anchorId(), session.startEpochSecond())
                            .encode()))
            .toList();
    // One ZADD per batch of members: the schedule is a single key.
    return batchWriter.write(
        "putLiveSessions",
        members,
        BatchWriter.COMMANDS_PER_BATCH,
        (commands, batch) -> {
          @SuppressWarnings("unchecked")
          ScoredValue<String>[] values = batch.toArray(ScoredValue[]::new);
          return List.of(commands.zadd(scheduleKey, values));
        });
  }

  @Override
  public CompletableFuture<Void> incrementHistory(
      String userId, HistoryKind kind, String id, double delta) {
    checkHistoryArguments(userId, kind, id);
    FeatureArguments.requireFinite(delta, "delta");
    requireOpen();
    String key = keys.history(userId, kind);
    return bothThenVoid(
        requests.zincrby(key, delta, id), trim(key), "incrementHistory(" + userId + ")");
  }

  @Override
  public CompletableFuture<Void> putHistoryEntry(
      String userId, HistoryKind kind, String id, double score) {
    checkHistoryArguments(userId, kind, id);
    FeatureArguments.requireFinite(score, "score");
    requireOpen();
    String key = keys.history(userId, kind);
    // new ScoredId normalizes -0.0, as the in-memory store does.
    return bothThenVoid(
        requests.zadd(key, new ScoredId(id, score).score(), id),
        trim(key),
        "putHistoryEntry(" + userId + ")");
  }

  @Override
  public CompletableFuture<Void> removeHistoryEntry(String userId, HistoryKind kind, String id) {
    checkHistoryArguments(userId, kind, id);
    requireOpen();
    return RedisFailures.describe(
        requests.zrem(keys.history(userId, kind), id).toCompletableFuture().thenApply(n -> null),
        "removeHistoryEntry(" + userId + ")");
  }

  @Override
  public CompletableFuture<Void> recordExposures(
      String userId, Collection<String> anchorIds, long atEpochSecond) {
    FeatureArguments.requireId(userId, "userId");
    List<String> ids = FeatureArguments.copyElements(anchorIds, "anchorIds");
    ids.forEach(id -> FeatureArguments.requireId(id, "anchorIds element"));
    requireOpen();
    String key = keys.exposed(userId);
    CompletionStage<?> added = CompletableFuture.completedFuture(null);
    if (!ids.isEmpty()) {
      @SuppressWarnings("unchecked")
      ScoredValue<String>[] exposures =
          ids.stream()
              .map(id -> ScoredValue.just((double) atEpochSecond, id))
              .toArray(ScoredValue[]::new);
      // GT: an anchor shown again keeps its latest time even if events arrive out of order.
      added = requests.zadd(key, ZAddArgs.Builder.gt(), exposures);
    }
    RedisFuture<Long> forgotten =
        requests.zremrangebyscore(
            key,
            Range.from(
                Range.Boundary.unbounded(),
                Range.Boundary.including(atEpochSecond - config.exposureWindowSeconds())));
    return bothThenVoid(added, forgotten, "recordExposures(" + userId + ")");
  }

  @Override
  public CompletableFuture<Void> putUserVectors(
      String version, String modality, Map<String, float[]> vectorsByUser) {
    List<Map.Entry<String, float[]>> all =
        FeatureArguments.checkUserVectors(version, modality, vectorsByUser);
    requireOpen();
    byte[] versionBytes = version.getBytes(StandardCharsets.UTF_8);
    byte[] modalityBytes = modality.getBytes(StandardCharsets.UTF_8);
    record Put(String userId, byte[] vector) {}
    List<Put> puts = new ArrayList<>(all.size());
    for (Map.Entry<String, float[]> entry : all) {
      puts.add(new Put(entry.getKey(), UserVectorCommands.encodeVector(entry.getValue())));
    }
    return batchWriter.write(
        "putUserVectors(" + modality + ")",
        puts,
        BatchWriter.COMMANDS_PER_BATCH,
        (ignoredStringCommands, batch) -> {
          List<RedisCommand<String, String, ?>> commands = new ArrayList<>(batch.size());
          for (Put put : batch) {
            commands.add(
                UserVectorCommands.onStringConnection(
                    vectorCommands.put(put.userId(), versionBytes, modalityBytes, put.vector())));
          }
          connections.dispatchBulk(commands);
          return commands.stream().map(command -> (CompletableFuture<?>) command).toList();
        });
  }

  @Override
  public CompletableFuture<UserVectors> readUserVectors(String userId) {
    FeatureArguments.requireId(userId, "userId");
    requireOpen();
    AsyncCommand<String, byte[], Map<String, byte[]>> read = vectorCommands.read(userId);
    connections.dispatchRequests(List.of(UserVectorCommands.onStringConnection(read)));
    return RedisFailures.describe(
        read.thenApply(fields -> vectorCommands.decode(userId, fields)),
        "readUserVectors(" + userId + ")");
  }

  @Override
  public CompletableFuture<Void> clear() {
    requireOpen();
    ScanArgs scanArgs =
        ScanArgs.Builder.matches(keys.everyKeyPattern()).limit(BatchWriter.COMMANDS_PER_BATCH);
    return RedisFailures.describe(
        unlinkFrom(ScanCursor.INITIAL, scanArgs), "clear(" + config.namespace() + ")");
  }

  /** SCAN one page, UNLINK its keys, continue until the cursor is finished. */
  private CompletableFuture<Void> unlinkFrom(ScanCursor cursor, ScanArgs scanArgs) {
    return requests
        .scan(cursor, scanArgs)
        .toCompletableFuture()
        .thenCompose(
            page -> {
              CompletableFuture<?> unlinked =
                  page.getKeys().isEmpty()
                      ? CompletableFuture.completedFuture(null)
                      : requests
                          .unlink(page.getKeys().toArray(String[]::new))
                          .toCompletableFuture();
              return unlinked.thenCompose(
                  ignored ->
                      page.isFinished()
                          ? CompletableFuture.completedFuture(null)
                          : unlinkFrom(page, scanArgs));
            });
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connections.close();
    }
  }

  @Override
  public String toString() {
    return "RedisFeatureStore{" + connections.description() + ", " + config + "}";
  }

  private RedisFuture<Long> trim(String historyKey) {
    // Ranks 0.. are the lowest scores: drop all but the top historyMaxLength.
    return requests.zremrangebyrank(historyKey, 0, -(config.historyMaxLength() + 1L));
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("feature store is closed");
    }
  }

  private static List<RedisFuture<String>> setEach(
      RedisClusterAsyncCommands<String, String> commands, List<KeyValue<String, String>> batch) {
    List<RedisFuture<String>> replies = new ArrayList<>(batch.size());
    for (KeyValue<String, String> value : batch) {
      replies.add(commands.set(value.getKey(), value.getValue()));
    }
    return replies;
  }

  private static CompletableFuture<Void> bothThenVoid(
      CompletionStage<?> first, CompletionStage<?> second, String operation) {
    return RedisFailures.describe(
        CompletableFuture.allOf(
            Arrays.asList(first.toCompletableFuture(), second.toCompletableFuture())
                .toArray(CompletableFuture[]::new)),
        operation);
  }

  private static void checkHistoryArguments(String userId, HistoryKind kind, String id) {
    FeatureArguments.requireId(userId, "userId");
    requireNonNull(kind, "kind is null");
    FeatureArguments.requireId(id, "id");
  }
}
