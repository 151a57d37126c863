package io.onair.features.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.onair.dataset.activity.ActivityCounter;
import io.onair.dataset.activity.ActivityKind;
import io.onair.dataset.activity.ActivityWindow;
import io.onair.features.ActivityEvent;
import io.onair.features.ActivityKeys;
import io.onair.features.AnchorFeatures;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStoreContractTest;
import io.onair.features.FeatureStoreException;
import io.onair.features.FeatureStores;
import io.onair.features.HistoryKind;
import io.onair.features.LiveSession;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import io.onair.features.UserHistory;
import io.onair.features.UserProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract against a real Redis, plus what only Redis has: the key schema and the number of
 * commands per read. The Redis comes from {@code ONAIR_REDIS_URL} (default {@value
 * #DEFAULT_REDIS_URL}); the test command starts one, so a Redis that does not answer fails these
 * tests instead of skipping them.
 */
class RedisFeatureStoreTest extends FeatureStoreContractTest {
  private static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
  private static final String REDIS_URL =
      System.getenv().getOrDefault("ONAIR_REDIS_URL", DEFAULT_REDIS_URL);

  /** Other processes may use the same Redis; their commands only add, so the fewest counts. */
  private static final int COUNTING_ATTEMPTS = 3;

  private static RedisClient adminClient;
  private static StatefulRedisConnection<String, String> adminConnection;
  private static RedisCommands<String, String> admin;

  @BeforeAll
  static void connectToRedis() {
    try {
      adminClient = RedisClient.create(REDIS_URL);
      adminConnection = adminClient.connect();
      admin = adminConnection.sync();
      admin.ping();
    } catch (RuntimeException e) {
      if (adminClient != null) {
        adminClient.shutdown();
      }
      fail(
          "Redis at "
              + REDIS_URL
              + " did not answer ("
              + rootMessage(e)
              + "): start redis-server or point ONAIR_REDIS_URL at one");
    }
  }

  @AfterAll
  static void disconnectFromRedis() {
    if (adminClient != null) {
      adminConnection.close();
      adminClient.shutdown();
    }
  }

  @Override
  protected FeatureStore openStore(FeatureStoreConfig config) {
    return FeatureStores.open(REDIS_URL, config);
  }

  // ---------------------------------------------------------------- round trips, counted by Redis

  @Test
  void readingFiveHundredAnchorsIsOneMget() {
    List<AnchorFeatures> anchors =
        IntStream.range(0, 500)
            .mapToObj(i -> new AnchorFeatures("anchor-" + i, "c" + i % 9, Map.of("i", "" + i)))
            .toList();
    await(store.putAnchors(anchors));
    List<String> ids = anchors.stream().map(AnchorFeatures::anchorId).toList();

    CommandCounts counts =
        fewestCommands(
            () ->
                assertThat(await(store.readAnchors(ids)))
                    .hasSize(500)
                    .containsValue(anchors.get(499)));

    assertThat(counts.mget()).as("MGET calls").isEqualTo(1);
    assertThat(counts.total()).as("commands in all").isEqualTo(1);
  }

  @Test
  void readingAUserIsAtMostFiveCommands() {
    await(store.putUserProfiles(List.of(new UserProfile("u1", Map.of("country", "BR")))));
    List<UserHistory> histories = new ArrayList<>();
    for (HistoryKind kind : HistoryKind.values()) {
      histories.add(
          new UserHistory(
              "u1",
              kind,
              IntStream.range(0, HISTORY_MAX_LENGTH)
                  .mapToObj(i -> new ScoredId(kind.keyName() + i, i))
                  .toList()));
    }
    await(store.replaceHistories(histories));
    await(store.recordExposures("u1", List.of("a1", "a2"), 1_000));

    CommandCounts counts =
        fewestCommands(
            () -> {
              UserFeatures user = await(store.readUser("u1", 1_000));
              assertThat(user.profile()).containsEntry("country", "BR");
              assertThat(user.histories().values())
                  .allSatisfy(list -> assertThat(list).hasSize(HISTORY_MAX_LENGTH));
              assertThat(user.recentlyExposedAnchors()).containsExactlyInAnyOrder("a1", "a2");
            });

    assertThat(counts.total()).as("commands per readUser").isLessThanOrEqualTo(5);
  }

  @Test
  void liveAnchorsIsOneCommand() {
    await(store.putLiveSessions(List.of(new LiveSession("a1", 100, 200))));

    CommandCounts counts =
        fewestCommands(() -> assertThat(await(store.liveAnchors(150))).containsExactly("a1"));

    assertThat(counts.total()).isEqualTo(1);
  }

  @Test
  void liveSessionStartsIsOneCommand() {
    await(store.putLiveSessions(List.of(new LiveSession("a1", 100, 200))));

    CommandCounts counts =
        fewestCommands(
            () -> assertThat(await(store.liveSessionStarts(150))).isEqualTo(Map.of("a1", 100L)));

    assertThat(counts.total()).isEqualTo(1);
  }

  /** readActivity sends one HGETALL per distinct key, whatever the keys hold. */
  @Test
  void readingActivityIsOneCommandPerDistinctKey() {
    await(
        store.recordActivity(List.of(new ActivityEvent("k1", ActivityKind.CLICK, ACTIVITY_T0, 1))));
    List<String> asked = List.of("k1", "k2", "k1", "k3");

    CommandCounts counts =
        fewestCommands(
            () -> assertThat(await(store.readActivity(asked, ACTIVITY_T0 + 60))).hasSize(3));

    assertThat(counts.total()).isEqualTo(3);
  }

  // ---------------------------------------------------------------- key schema
  // (docs/feature-store.md)

  @Test
  void keysFollowTheDocumentedSchema() {
    String ns = store.config().namespace();
    await(store.putUserProfiles(List.of(new UserProfile("42", Map.of("country", "BR")))));
    for (HistoryKind kind : HistoryKind.values()) {
      await(store.putHistoryEntry("42", kind, "x", 1));
    }
    await(store.recordExposures("42", List.of("a7"), 1_000));
    await(store.putAnchors(List.of(new AnchorFeatures("a7", "music", Map.of("lang", "en")))));
    await(store.putLiveSessions(List.of(new LiveSession("a7", 100, 200))));
    await(store.putUserVectors("v1", "U2F", Map.of("42", new float[] {1.5f, -2f})));
    await(
        store.recordActivity(
            List.of(
                new ActivityEvent(ActivityKeys.anchor("a7"), ActivityKind.CLICK, ACTIVITY_T0, 1))));

    Map<String, String> expectedTypes =
        Map.of(
            ns + ":act:a:a7", "hash",
            ns + ":{u:42}:vec", "hash",
            ns + ":{u:42}:profile", "string",
            ns + ":{u:42}:h:follows", "zset",
            ns + ":{u:42}:h:watched", "zset",
            ns + ":{u:42}:h:items", "zset",
            ns + ":{u:42}:exposed", "zset",
            ns + ":anchor:a7", "string",
            ns + ":live", "zset");
    assertThat(keysOf(ns)).isEqualTo(expectedTypes.keySet());
    expectedTypes.forEach((key, type) -> assertThat(admin.type(key)).as(key).isEqualTo(type));

    assertThat(admin.get(ns + ":{u:42}:profile")).isEqualTo("{\"country\":\"BR\"}");
    assertThat(admin.get(ns + ":anchor:a7"))
        .isEqualTo("{\"category\":\"music\",\"features\":{\"lang\":\"en\"}}");
    assertThat(admin.zrangeWithScores(ns + ":{u:42}:exposed", 0, -1))
        .containsExactly(ScoredValue.just(1_000, "a7"));
    assertThat(admin.zrangeWithScores(ns + ":live", 0, -1))
        .containsExactly(ScoredValue.just(200, "a7|100"));

    // The hash tag puts one user's keys in one cluster slot, so readUser goes to one node.
    Set<Integer> userSlots = new HashSet<>();
    expectedTypes.keySet().stream()
        .filter(key -> key.contains("{u:42}"))
        .forEach(key -> userSlots.add(SlotHash.getSlot(key)));
    assertThat(userSlots).hasSize(1);
  }

  @Test
  void userVectorsAreAHashOfLittleEndianFloat32Bytes() {
    String ns = store.config().namespace();
    await(store.putUserVectors("v1", "U2F", Map.of("42", new float[] {1.5f, -2f})));

    RedisClient bytesClient = RedisClient.create(REDIS_URL);
    try (StatefulRedisConnection<String, byte[]> bytes =
        bytesClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
      Map<String, byte[]> fields = bytes.sync().hgetall(ns + ":{u:42}:vec");
      assertThat(fields).containsOnlyKeys("version", "U2F");
      assertThat(new String(fields.get("version"), StandardCharsets.UTF_8)).isEqualTo("v1");
      // 1.5f = 0x3FC00000, -2f = 0xC0000000, least significant byte first.
      assertThat(fields.get("U2F")).containsExactly(0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0xC0);
    } finally {
      bytesClient.shutdown();
    }
  }

  @Test
  void readingUserVectorsIsOneCommand() {
    await(store.putUserVectors("v1", "U2F", Map.of("u1", new float[] {1, 2})));
    await(store.putUserVectors("v1", "U2A", Map.of("u1", new float[] {3, 4})));

    CommandCounts counts =
        fewestCommands(
            () -> assertThat(await(store.readUserVectors("u1")).byModality()).hasSize(2));

    assertThat(counts.total()).isEqualTo(1);
  }

  @Test
  void undecodableUserVectorsAreReportedWithTheirKey() {
    String ns = store.config().namespace();
    admin.hset(ns + ":{u:u1}:vec", Map.of("version", "v1", "U2F", "abc"));
    admin.hset(ns + ":{u:u2}:vec", Map.of("U2F", "abcd"));

    assertThatThrownBy(() -> await(store.readUserVectors("u1")))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("key " + ns + ":{u:u1}:vec field U2F holds 3 bytes");
    assertThatThrownBy(() -> await(store.readUserVectors("u2")))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("no version field");
  }

  /**
   * An activity hash holds one field per ring slot, {@code <bucket>:<count per kind>}, and gets a
   * time to live of at most a day and an hour, renewed by every event.
   */
  @Test
  void activityIsAHashOfSlotsWithATimeToLive() {
    String ns = store.config().namespace();
    String key = ActivityKeys.anchor("a7");
    String redisKey = ns + ":act:" + key;
    long t = ACTIVITY_T0 + 3 * 3_600 + 125;
    await(
        store.recordActivity(
            List.of(
                new ActivityEvent(key, ActivityKind.CLICK, t, 2),
                new ActivityEvent(key, ActivityKind.PURCHASE, t, 1))));

    long minute = ActivityCounter.minute(t);
    long hour = ActivityCounter.hour(t);
    assertThat(admin.hgetall(redisKey))
        .isEqualTo(
            Map.of(
                "m" + ActivityCounter.minuteSlot(minute), minute + ":0:2:0:0:1",
                "h" + ActivityCounter.hourSlot(hour), hour + ":0:2:0:0:1"));
    assertThat(admin.ttl(redisKey)).isPositive().isLessThanOrEqualTo(25 * 3_600L);

    admin.expire(redisKey, 100);
    await(store.recordActivity(List.of(new ActivityEvent(key, ActivityKind.CLICK, t, 1))));
    assertThat(admin.ttl(redisKey))
        .as("renewed by the event")
        .isGreaterThan(100)
        .isLessThanOrEqualTo(25 * 3_600L);
  }

  /**
   * A slot that does not decode (not bucket and one count per kind, a number that is not one, a
   * field of no ring, a bucket in another slot's field) fails readActivity with its key and field.
   */
  @Test
  void malformedActivitySlotsAreReportedWithTheirKey() {
    String ns = store.config().namespace();
    long minute = ActivityCounter.minute(ACTIVITY_T0);
    String slot = "m" + ActivityCounter.minuteSlot(minute);
    String otherSlot = "m" + ActivityCounter.minuteSlot(minute + 1);
    Map<String, Map<String, String>> malformed =
        Map.of(
            "no-counts", Map.of(slot, "garbage"),
            "too-few-counts", Map.of(slot, minute + ":1:2"),
            "bad-bucket", Map.of(slot, "x:1:1:1:1:1"),
            "bad-count", Map.of(slot, minute + ":1:1:1:1:1.5"),
            "no-ring", Map.of("q0", minute + ":1:1:1:1:1"),
            "wrong-slot", Map.of(otherSlot, minute + ":1:1:1:1:1"));
    malformed.forEach((key, fields) -> admin.hset(ns + ":act:" + key, fields));

    malformed.forEach(
        (key, fields) -> {
          String field = fields.keySet().iterator().next();
          assertThatThrownBy(() -> await(store.readActivity(List.of(key), ACTIVITY_T0 + 60)))
              .as(key)
              .isInstanceOf(FeatureStoreException.class)
              .hasMessageContaining("malformed activity slot in " + ns + ":act:" + key)
              .hasMessageContaining("field '" + field + "'");
        });
    admin.hset(ns + ":act:fine", slot, minute + ":1:0:0:0:0");
    assertThat(await(store.readActivity(List.of("fine"), ACTIVITY_T0 + 60)).get("fine"))
        .as("a well-formed slot written by hand decodes")
        .isEqualTo(new ActivityWindow(new int[] {1, 0, 0, 0, 0}, new int[] {1, 0, 0, 0, 0}));
  }

  @Test
  void namespacesDoNotOverlapEvenWhenOneIsAPrefixOfAnother() {
    String ns = store.config().namespace();
    FeatureStore longer = open(store.config().withNamespace(ns + "x"));
    await(longer.putAnchors(List.of(new AnchorFeatures("a1", "music", Map.of()))));

    await(store.clear());

    assertThat(await(longer.readAnchors(List.of("a1")))).containsOnlyKeys("a1");
  }

  // ---------------------------------------------------------------- failures carry the Redis error

  @Test
  void aRedisErrorFailsTheFutureWithTheRedisMessage() {
    String ns = store.config().namespace();
    admin.set(ns + ":live", "not a sorted set");
    admin.set(ns + ":{u:u1}:h:items", "not a sorted set");

    assertThatThrownBy(() -> await(store.putLiveSessions(List.of(new LiveSession("a1", 1, 2)))))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith("putLiveSessions (items 0 to 0 of 1) failed on Redis:")
        .hasMessageContaining("WRONGTYPE");
    assertThatThrownBy(() -> await(store.readUser("u1", 0)))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith("readUser(u1) failed on Redis:")
        .hasMessageContaining("WRONGTYPE");
    assertThatThrownBy(() -> await(store.incrementHistory("u1", HistoryKind.ITEMS, "i1", 1)))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("WRONGTYPE");
  }

  /** An activity key holding another type fails both activity calls with the Redis error. */
  @Test
  void aRedisErrorFailsActivityCallsWithTheRedisMessage() {
    String ns = store.config().namespace();
    admin.set(ns + ":act:k1", "not a hash");

    assertThatThrownBy(
            () ->
                await(
                    store.recordActivity(
                        List.of(new ActivityEvent("k1", ActivityKind.CLICK, ACTIVITY_T0, 1)))))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith("recordActivity (items 0 to 0 of 1) failed on Redis:")
        .hasMessageContaining("WRONGTYPE");
    assertThatThrownBy(() -> await(store.readActivity(List.of("k1"), ACTIVITY_T0)))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith("readActivity(1 keys) failed on Redis:")
        .hasMessageContaining("WRONGTYPE");
  }

  @Test
  void aBulkWriteStopsAtTheFirstFailingBatch() {
    String ns = store.config().namespace();
    admin.set(ns + ":live", "not a sorted set");
    List<LiveSession> sessions =
        IntStream.range(0, 2_500).mapToObj(i -> new LiveSession("a" + i, 1, 2)).toList();

    assertThatThrownBy(() -> await(store.putLiveSessions(sessions)))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith("putLiveSessions (items 0 to 999 of 2500) failed on Redis:");
  }

  @Test
  void undecodableValuesAreReportedWithTheirKey() {
    String ns = store.config().namespace();
    admin.set(ns + ":anchor:a1", "{not json");
    admin.set(ns + ":anchor:a2", "{\"features\":{}}");

    assertThatThrownBy(() -> await(store.readAnchors(List.of("a1"))))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("key " + ns + ":anchor:a1 does not hold valid JSON");
    assertThatThrownBy(() -> await(store.readAnchors(List.of("a2"))))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("\"category\" is missing");
  }

  @Test
  void openingAnUnreachableRedisFailsWithItsAddress() {
    assertThatThrownBy(() -> FeatureStores.open("redis://127.0.0.1:1", newConfig()))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith("cannot connect to redis://127.0.0.1:1/0: ");
  }

  // ---------------------------------------------------------------- helpers

  /** Commands Redis processed for an action, and how many of them were MGET. */
  private record CommandCounts(long total, long mget) {}

  /**
   * Counts with {@code INFO all} (total_commands_processed and cmdstat_mget) before and after the
   * action. INFO does not count itself in its own answer, so the "after" snapshot includes exactly
   * one command of ours, the "before" INFO, which is subtracted. Other clients of the same Redis
   * can only add commands, so the fewest over a few attempts is the action's own count.
   */
  private static CommandCounts fewestCommands(Runnable action) {
    long fewestTotal = Long.MAX_VALUE;
    long fewestMget = Long.MAX_VALUE;
    for (int attempt = 0; attempt < COUNTING_ATTEMPTS; attempt++) {
      Map<String, Long> before = commandStatistics();
      action.run();
      Map<String, Long> after = commandStatistics();
      long ourInfoCall = 1;
      fewestTotal = Math.min(fewestTotal, after.get("total") - before.get("total") - ourInfoCall);
      fewestMget = Math.min(fewestMget, after.get("mget") - before.get("mget"));
    }
    return new CommandCounts(fewestTotal, fewestMget);
  }

  private static Map<String, Long> commandStatistics() {
    long total = -1;
    long mget = 0;
    for (String line : admin.info("all").split("\r?\n")) {
      if (line.startsWith("total_commands_processed:")) {
        total = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      } else if (line.startsWith("cmdstat_mget:")) {
        String calls = line.substring(line.indexOf("calls=") + "calls=".length());
        mget = Long.parseLong(calls.substring(0, calls.indexOf(',')));
      }
    }
    assertThat(total).as("total_commands_processed in INFO").isNotNegative();
    return Map.of("total", total, "mget", mget);
  }

  private static Set<String> keysOf(String namespace) {
    Set<String> keys = new HashSet<>();
    ScanIterator.scan(admin, ScanArgs.Builder.matches(namespace + ":*").limit(1_000))
        .forEachRemaining(keys::add);
    return keys;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
