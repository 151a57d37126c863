package io.onair.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.activity.ActivityCounter;
import io.onair.dataset.activity.ActivityKind;
import io.onair.dataset.activity.ActivityWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FeatureStore} must have, written once and run against each
 * implementation (in memory, Redis). Modules that add an implementation or wrap a store reuse it
 * through this module's test-jar: subclass it and implement {@link #openStore}.
 *
 * <p>Every store a test opens gets its own namespace and is cleared and closed after the test, so
 * tests may share one Redis with each other and with other processes.
 */
public abstract class FeatureStoreContractTest {
  /** Small, so trimming is exercised without large fixtures. */
  protected static final int HISTORY_MAX_LENGTH = 5;

  protected static final long EXPOSURE_WINDOW_SECONDS = 3600;

  /** An hour boundary in November 2023, where the activity tests start. */
  protected static final long ACTIVITY_T0 = 472_222L * 3_600;

  /** How long a test waits for one future before calling the store hung; not a timing check. */
  private static final long AWAIT_SECONDS = 60;

  private final List<FeatureStore> openedStores = new ArrayList<>();

  /** The store under test, with {@link #HISTORY_MAX_LENGTH} and a namespace of its own. */
  protected FeatureStore store;

  /**
   * Opens a store of the implementation under test with exactly this configuration. Stores with
   * different namespaces must not see each other's data.
   */
  protected abstract FeatureStore openStore(FeatureStoreConfig config);

  @BeforeEach
  final void openStoreUnderTest() {
    store = open(newConfig());
  }

  @AfterEach
  final void clearAndCloseStores() {
    for (FeatureStore opened : openedStores) {
      try {
        await(opened.clear());
      } catch (IllegalStateException alreadyClosed) {
        // A test closed it on purpose.
      } finally {
        opened.close();
      }
    }
    openedStores.clear();
  }

  /** A configuration with a fresh namespace, the test history length and the test window. */
  protected static FeatureStoreConfig newConfig() {
    return new FeatureStoreConfig(
        "onair-test-" + UUID.randomUUID().toString().substring(0, 12),
        EXPOSURE_WINDOW_SECONDS,
        HISTORY_MAX_LENGTH);
  }

  /** Opens a store that is cleared and closed after the test. */
  protected final FeatureStore open(FeatureStoreConfig config) {
    FeatureStore opened = openStore(config);
    openedStores.add(opened);
    return opened;
  }

  protected static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(AWAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the store", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError("store operation failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("store did not answer within " + AWAIT_SECONDS + " s", e);
    }
  }

  // ---------------------------------------------------------------- profiles and unknown users

  @Test
  void profilesRoundTrip() {
    await(
        store.putUserProfiles(
            List.of(
                new UserProfile("u1", Map.of("country", "BR", "device", "android")),
                new UserProfile("u2", Map.of("country", "DE")))));

    UserFeatures u1 = await(store.readUser("u1", 1_000));
    UserFeatures u2 = await(store.readUser("u2", 1_000));

    assertThat(u1.userId()).isEqualTo("u1");
    assertThat(u1.profile()).isEqualTo(Map.of("country", "BR", "device", "android"));
    assertThat(u1.isKnown()).isTrue();
    assertThat(u2.profile()).isEqualTo(Map.of("country", "DE"));
  }

  @Test
  void putUserProfilesReplacesThePreviousProfile() {
    await(store.putUserProfiles(List.of(new UserProfile("u1", Map.of("a", "1", "b", "2")))));
    await(store.putUserProfiles(List.of(new UserProfile("u1", Map.of("c", "3")))));

    assertThat(await(store.readUser("u1", 0)).profile()).isEqualTo(Map.of("c", "3"));
  }

  @Test
  void unknownUserIsEmptyAndNotKnown() {
    UserFeatures unknown = await(store.readUser("nobody", 1_000));

    assertThat(unknown.userId()).isEqualTo("nobody");
    assertThat(unknown.profile()).isEmpty();
    assertThat(unknown.histories()).containsOnlyKeys(HistoryKind.values());
    assertThat(unknown.histories().values()).allSatisfy(list -> assertThat(list).isEmpty());
    assertThat(unknown.recentlyExposedAnchors()).isEmpty();
    assertThat(unknown.isKnown()).isFalse();
  }

  @Test
  void aUserWithOnlyAHistoryIsKnown() {
    await(store.putHistoryEntry("u1", HistoryKind.ITEMS, "item-1", 1.0));

    assertThat(await(store.readUser("u1", 0)).isKnown()).isTrue();
  }

  @Test
  void aUserWithOnlyExposuresIsNotKnown() {
    await(store.recordExposures("u1", List.of("a1"), 100));

    UserFeatures features = await(store.readUser("u1", 100));

    assertThat(features.recentlyExposedAnchors()).containsExactly("a1");
    assertThat(features.isKnown()).isFalse();
  }

  @Test
  void idsAndValuesAreArbitraryStrings() {
    String userId = "user {with} braces: |pipes| \"quotes\" ünïcödé 🎥 \\ *?[]";
    Map<String, String> features =
        Map.of("json-ish", "{\"a\":[1,2]}", "empty", "", "emoji", "🔴 live", "new\nline", "x");
    await(store.putUserProfiles(List.of(new UserProfile(userId, features))));
    await(store.putHistoryEntry(userId, HistoryKind.FOLLOWS, "anchor|with|pipes}", 7.0));
    await(store.recordExposures(userId, List.of("exposed {x}"), 50));
    String anchorId = "anchor:{x}|1 🎤";
    await(store.putAnchors(List.of(new AnchorFeatures(anchorId, "música ", features))));
    await(store.putLiveSessions(List.of(new LiveSession(anchorId, 10, 20))));

    UserFeatures user = await(store.readUser(userId, 50));
    assertThat(user.profile()).isEqualTo(features);
    assertThat(user.history(HistoryKind.FOLLOWS))
        .containsExactly(new ScoredId("anchor|with|pipes}", 7.0));
    assertThat(user.recentlyExposedAnchors()).containsExactly("exposed {x}");
    assertThat(await(store.readAnchors(List.of(anchorId))))
        .containsExactly(Map.entry(anchorId, new AnchorFeatures(anchorId, "música ", features)));
    assertThat(await(store.liveAnchors(15))).containsExactly(anchorId);
  }

  // ---------------------------------------------------------------- anchors

  @Test
  void anchorsRoundTripAndMissingIdsAreAbsent() {
    AnchorFeatures music = new AnchorFeatures("a1", "music", Map.of("lang", "en", "tier", "gold"));
    AnchorFeatures games = new AnchorFeatures("a2", "games", Map.of());
    await(store.putAnchors(List.of(music, games)));

    Map<String, AnchorFeatures> read = await(store.readAnchors(List.of("a1", "missing", "a2")));

    assertThat(read).isEqualTo(Map.of("a1", music, "a2", games));
  }

  @Test
  void readAnchorsOfNothingIsEmpty() {
    assertThat(await(store.readAnchors(List.of()))).isEmpty();
  }

  @Test
  void readAnchorsReadsDuplicatesOnce() {
    AnchorFeatures anchor = new AnchorFeatures("a1", "music", Map.of("lang", "en"));
    await(store.putAnchors(List.of(anchor)));

    assertThat(await(store.readAnchors(List.of("a1", "a1")))).isEqualTo(Map.of("a1", anchor));
  }

  @Test
  void putAnchorsReplacesThePreviousFeatures() {
    await(store.putAnchors(List.of(new AnchorFeatures("a1", "music", Map.of("lang", "en")))));
    AnchorFeatures now = new AnchorFeatures("a1", "games", Map.of("lang", "pt"));
    await(store.putAnchors(List.of(now)));

    assertThat(await(store.readAnchors(List.of("a1")))).isEqualTo(Map.of("a1", now));
  }

  @Test
  void bulkWritesLargerThanOneBatchArriveWhole() {
    int count = 2_500;
    List<UserProfile> profiles = new ArrayList<>();
    List<AnchorFeatures> anchors = new ArrayList<>();
    List<UserHistory> histories = new ArrayList<>();
    List<LiveSession> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      profiles.add(new UserProfile("u" + i, Map.of("i", Integer.toString(i))));
      anchors.add(new AnchorFeatures("a" + i, "c" + (i % 7), Map.of("i", Integer.toString(i))));
      histories.add(
          new UserHistory("u" + i, HistoryKind.WATCHED_ANCHORS, List.of(new ScoredId("a" + i, i))));
      sessions.add(new LiveSession("a" + i, 100, 200 + i));
    }

    CompletableFuture.allOf(
            store.putUserProfiles(profiles),
            store.putAnchors(anchors),
            store.replaceHistories(histories),
            store.putLiveSessions(sessions))
        .join();

    List<String> anchorIds = anchors.stream().map(AnchorFeatures::anchorId).toList();
    Map<String, AnchorFeatures> read = await(store.readAnchors(anchorIds));
    assertThat(read).hasSize(count);
    assertThat(read.get("a2499")).isEqualTo(anchors.get(2499));
    assertThat(await(store.liveAnchors(150))).hasSize(count);
    assertThat(await(store.liveAnchors(200 + 2_000))).hasSize(count - 2_001);
    for (int i : new int[] {0, 999, 1_000, 2_499}) {
      UserFeatures user = await(store.readUser("u" + i, 0));
      assertThat(user.profile()).isEqualTo(Map.of("i", Integer.toString(i)));
      assertThat(user.history(HistoryKind.WATCHED_ANCHORS))
          .containsExactly(new ScoredId("a" + i, i));
    }
  }

  // ---------------------------------------------------------------- histories

  @Test
  void replaceHistoriesSortsByScoreDescendingAndKeepsTheBest() {
    List<ScoredId> entries = new ArrayList<>();
    for (int i = 0; i < 3 * HISTORY_MAX_LENGTH; i++) {
      entries.add(new ScoredId("item-" + i, i * 1.5));
    }
    Collections.shuffle(entries, new Random(7));
    await(store.replaceHistories(List.of(new UserHistory("u1", HistoryKind.ITEMS, entries))));

    List<ScoredId> history = await(store.readUser("u1", 0)).history(HistoryKind.ITEMS);

    List<ScoredId> expected = new ArrayList<>();
    for (int i = 3 * HISTORY_MAX_LENGTH - 1; expected.size() < HISTORY_MAX_LENGTH; i--) {
      expected.add(new ScoredId("item-" + i, i * 1.5));
    }
    assertThat(history).containsExactlyElementsOf(expected);
  }

  @Test
  void replaceHistoriesReplacesTheWholeList() {
    await(
        store.replaceHistories(
            List.of(
                new UserHistory(
                    "u1",
                    HistoryKind.FOLLOWS,
                    List.of(new ScoredId("a1", 10), new ScoredId("a2", 20))))));
    await(
        store.replaceHistories(
            List.of(new UserHistory("u1", HistoryKind.FOLLOWS, List.of(new ScoredId("a3", 5))))));

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.FOLLOWS))
        .containsExactly(new ScoredId("a3", 5));

    await(store.replaceHistories(List.of(new UserHistory("u1", HistoryKind.FOLLOWS, List.of()))));
    assertThat(await(store.readUser("u1", 0)).isKnown()).isFalse();
  }

  @Test
  void historyKindsAreIndependent() {
    await(
        store.replaceHistories(
            List.of(
                new UserHistory("u1", HistoryKind.FOLLOWS, List.of(new ScoredId("a1", 1))),
                new UserHistory("u1", HistoryKind.WATCHED_ANCHORS, List.of(new ScoredId("a2", 2))),
                new UserHistory("u1", HistoryKind.ITEMS, List.of(new ScoredId("i3", 3))))));
    await(store.removeHistoryEntry("u1", HistoryKind.WATCHED_ANCHORS, "a1"));

    UserFeatures user = await(store.readUser("u1", 0));

    assertThat(user.history(HistoryKind.FOLLOWS)).containsExactly(new ScoredId("a1", 1));
    assertThat(user.history(HistoryKind.WATCHED_ANCHORS)).containsExactly(new ScoredId("a2", 2));
    assertThat(user.history(HistoryKind.ITEMS)).containsExactly(new ScoredId("i3", 3));
  }

  @Test
  void tiesAreRankedByIdDescendingAndTrimmedTheSameWay() {
    List<ScoredId> tied = new ArrayList<>();
    for (String id : List.of("b", "d", "a", "f", "c", "e", "g")) {
      tied.add(new ScoredId(id, 1.0));
    }
    await(store.replaceHistories(List.of(new UserHistory("u1", HistoryKind.ITEMS, tied))));
    await(store.putHistoryEntry("u1", HistoryKind.ITEMS, "top", 2.0));

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.ITEMS))
        .extracting(ScoredId::id)
        .containsExactly("top", "g", "f", "e", "d");
  }

  @Test
  void incrementHistoryAccumulates() {
    await(store.incrementHistory("u1", HistoryKind.WATCHED_ANCHORS, "a1", 1.5));
    await(store.incrementHistory("u1", HistoryKind.WATCHED_ANCHORS, "a1", 2.0));
    await(store.incrementHistory("u1", HistoryKind.WATCHED_ANCHORS, "a2", 3.0));
    await(store.incrementHistory("u1", HistoryKind.WATCHED_ANCHORS, "a2", -0.5));

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.WATCHED_ANCHORS))
        .containsExactly(new ScoredId("a1", 3.5), new ScoredId("a2", 2.5));
  }

  @Test
  void incrementHistoryTrimsToTheHighestScores() {
    for (int i = 1; i <= HISTORY_MAX_LENGTH; i++) {
      await(store.incrementHistory("u1", HistoryKind.ITEMS, "item-" + i, i * 10));
    }
    // Too low to enter a full history: it is trimmed away at once.
    await(store.incrementHistory("u1", HistoryKind.ITEMS, "low", 1));
    // High enough: it enters and the lowest entry (item-1) leaves.
    await(store.incrementHistory("u1", HistoryKind.ITEMS, "high", 1_000));
    // item-2 climbs to the top by accumulating.
    await(store.incrementHistory("u1", HistoryKind.ITEMS, "item-2", 5_000));

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.ITEMS))
        .containsExactly(
            new ScoredId("item-2", 5_020),
            new ScoredId("high", 1_000),
            new ScoredId("item-5", 50),
            new ScoredId("item-4", 40),
            new ScoredId("item-3", 30));
  }

  @Test
  void putHistoryEntrySetsAndRemoveHistoryEntryRemoves() {
    await(store.putHistoryEntry("u1", HistoryKind.FOLLOWS, "a1", 1_700_000_000));
    await(store.putHistoryEntry("u1", HistoryKind.FOLLOWS, "a2", 1_700_000_100));
    await(store.putHistoryEntry("u1", HistoryKind.FOLLOWS, "a1", 1_700_000_200));

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.FOLLOWS))
        .containsExactly(new ScoredId("a1", 1_700_000_200), new ScoredId("a2", 1_700_000_100));

    await(store.removeHistoryEntry("u1", HistoryKind.FOLLOWS, "a1"));
    await(store.removeHistoryEntry("u1", HistoryKind.FOLLOWS, "never-there"));
    await(store.removeHistoryEntry("nobody", HistoryKind.FOLLOWS, "a1"));

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.FOLLOWS))
        .containsExactly(new ScoredId("a2", 1_700_000_100));
  }

  @Test
  void putHistoryEntryTrimsToTheHighestScores() {
    for (int i = 0; i < HISTORY_MAX_LENGTH + 3; i++) {
      await(store.putHistoryEntry("u1", HistoryKind.FOLLOWS, "a" + i, 100 - i));
    }

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.FOLLOWS))
        .extracting(ScoredId::id)
        .containsExactly("a0", "a1", "a2", "a3", "a4");
  }

  @Test
  void scoresKeepFullDoublePrecision() {
    double[] scores = {0.1, 1e-300, -123.456789012345678, 1_700_000_000.25, 9.007199254740993E15};
    for (int i = 0; i < scores.length; i++) {
      await(store.putHistoryEntry("u1", HistoryKind.ITEMS, "i" + i, scores[i]));
    }

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.ITEMS))
        .extracting(ScoredId::score)
        .containsExactlyInAnyOrder(Arrays.stream(scores).boxed().toArray(Double[]::new));
  }

  // ---------------------------------------------------------------- exposures

  @Test
  void exposuresAreSeenInsideTheWindowOnly() {
    long shownAt = 10_000;
    await(store.recordExposures("u1", List.of("a1", "a2"), shownAt));

    assertThat(await(store.readUser("u1", shownAt - 1)).recentlyExposedAnchors())
        .as("not yet shown")
        .isEmpty();
    assertThat(await(store.readUser("u1", shownAt)).recentlyExposedAnchors())
        .containsExactlyInAnyOrder("a1", "a2");
    assertThat(
            await(store.readUser("u1", shownAt + EXPOSURE_WINDOW_SECONDS - 1))
                .recentlyExposedAnchors())
        .containsExactlyInAnyOrder("a1", "a2");
    assertThat(
            await(store.readUser("u1", shownAt + EXPOSURE_WINDOW_SECONDS)).recentlyExposedAnchors())
        .as("the window (now - window, now] excludes its start")
        .isEmpty();
  }

  @Test
  void anExposureKeepsItsLatestTimeEvenOutOfOrder() {
    await(store.recordExposures("u1", List.of("a1"), 5_000));
    await(store.recordExposures("u1", List.of("a1"), 1_000));

    assertThat(
            await(store.readUser("u1", 5_000 + EXPOSURE_WINDOW_SECONDS - 1))
                .recentlyExposedAnchors())
        .containsExactly("a1");
  }

  @Test
  void recordExposuresForgetsExposuresOlderThanTheWindow() {
    await(store.recordExposures("u1", List.of("old"), 100));
    await(store.recordExposures("u1", List.of("edge"), 200));
    await(store.recordExposures("u1", List.of("new"), 200 + EXPOSURE_WINDOW_SECONDS));

    // At now = 300 the window holds 100 and 200, but "old" and "edge" were dropped by the event at
    // 200 + window: "edge" sits exactly at its window start, which is outside.
    assertThat(await(store.readUser("u1", 300)).recentlyExposedAnchors()).isEmpty();
    assertThat(await(store.readUser("u1", 200 + EXPOSURE_WINDOW_SECONDS)).recentlyExposedAnchors())
        .containsExactly("new");
  }

  @Test
  void recordExposuresOfNoAnchorOnlyForgets() {
    await(store.recordExposures("u1", List.of("a1"), 100));
    await(store.recordExposures("u1", List.of(), 100 + EXPOSURE_WINDOW_SECONDS));

    assertThat(await(store.readUser("u1", 100)).recentlyExposedAnchors()).isEmpty();
  }

  @Test
  void exposuresArePerUser() {
    await(store.recordExposures("u1", List.of("a1"), 100));
    await(store.recordExposures("u2", List.of("a2"), 100));

    assertThat(await(store.readUser("u1", 100)).recentlyExposedAnchors()).containsExactly("a1");
    assertThat(await(store.readUser("u2", 100)).recentlyExposedAnchors()).containsExactly("a2");
  }

  // ---------------------------------------------------------------- live sessions

  @Test
  void liveSessionStartIsInclusiveAndEndExclusive() {
    await(store.putLiveSessions(List.of(new LiveSession("a1", 100, 200))));

    assertThat(await(store.liveAnchors(99))).isEmpty();
    assertThat(await(store.liveAnchors(100))).containsExactly("a1");
    assertThat(await(store.liveAnchors(199))).containsExactly("a1");
    assertThat(await(store.liveAnchors(200))).isEmpty();
  }

  @Test
  void anAnchorMayHaveSeveralSessions() {
    await(
        store.putLiveSessions(
            List.of(
                new LiveSession("a1", 100, 200),
                new LiveSession("a1", 300, 400),
                new LiveSession("a2", 150, 350))));

    assertThat(await(store.liveAnchors(150))).containsExactlyInAnyOrder("a1", "a2");
    assertThat(await(store.liveAnchors(250))).containsExactly("a2");
    assertThat(await(store.liveAnchors(300))).containsExactlyInAnyOrder("a1", "a2");
    assertThat(await(store.liveAnchors(350))).containsExactly("a1");
    assertThat(await(store.liveAnchors(400))).isEmpty();
  }

  @Test
  void overlappingSessionsOfOneAnchorYieldItOnce() {
    await(
        store.putLiveSessions(
            List.of(new LiveSession("a1", 100, 300), new LiveSession("a1", 200, 400))));

    assertThat(await(store.liveAnchors(250))).containsExactly("a1");
  }

  @Test
  void puttingASessionAgainMovesItsEnd() {
    await(store.putLiveSessions(List.of(new LiveSession("a1", 100, 200))));
    await(store.putLiveSessions(List.of(new LiveSession("a1", 100, 500))));

    assertThat(await(store.liveAnchors(300))).containsExactly("a1");

    await(store.putLiveSessions(List.of(new LiveSession("a1", 100, 150))));
    assertThat(await(store.liveAnchors(160))).isEmpty();
  }

  @Test
  void anchorIdsWithTheSessionSeparatorSurvive() {
    await(store.putLiveSessions(List.of(new LiveSession("a|1|", 100, 200))));

    assertThat(await(store.liveAnchors(100))).containsExactly("a|1|");
  }

  /** Overlapping sessions of one anchor give the start of the one that started last. */
  @Test
  void liveSessionStartsGiveTheLatestStartOfOverlappingSessions() {
    await(
        store.putLiveSessions(
            List.of(
                new LiveSession("a1", 100, 400),
                new LiveSession("a1", 250, 260),
                new LiveSession("a1", 200, 300),
                new LiveSession("a2", 150, 350))));

    assertThat(await(store.liveSessionStarts(99))).isEmpty();
    assertThat(await(store.liveSessionStarts(100))).isEqualTo(Map.of("a1", 100L));
    assertThat(await(store.liveSessionStarts(255))).isEqualTo(Map.of("a1", 250L, "a2", 150L));
    assertThat(await(store.liveSessionStarts(260)))
        .as("[250, 260) ended, [200, 300) is the latest still live")
        .isEqualTo(Map.of("a1", 200L, "a2", 150L));
    assertThat(await(store.liveSessionStarts(300))).isEqualTo(Map.of("a1", 100L, "a2", 150L));
    assertThat(await(store.liveSessionStarts(350))).isEqualTo(Map.of("a1", 100L));
  }

  /** Ended sessions are absent, also a session whose end was moved before the time. */
  @Test
  void endedSessionsHaveNoLiveSessionStart() {
    await(
        store.putLiveSessions(
            List.of(new LiveSession("a1", 100, 200), new LiveSession("a2", 100, 500))));
    await(store.putLiveSessions(List.of(new LiveSession("a2", 100, 150))));

    assertThat(await(store.liveSessionStarts(199))).isEqualTo(Map.of("a1", 100L));
    assertThat(await(store.liveSessionStarts(200))).as("the end is exclusive").isEmpty();
  }

  /** At every time the anchors of liveSessionStarts are exactly those of liveAnchors. */
  @Test
  void liveSessionStartsHaveTheKeysOfLiveAnchors() {
    Random random = new Random(3);
    List<LiveSession> sessions = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // Distinct starts: a second session with the same (anchor, start) would move the first's end.
      long start = 16L * i + random.nextInt(16);
      sessions.add(
          new LiveSession("a" + random.nextInt(12), start, start + 1 + random.nextInt(300)));
    }
    await(store.putLiveSessions(sessions));

    for (long t = 0; t <= 1_300; t += 13) {
      Map<String, Long> starts = await(store.liveSessionStarts(t));
      assertThat(starts.keySet()).as("at %d", t).isEqualTo(await(store.liveAnchors(t)));
      for (Map.Entry<String, Long> live : starts.entrySet()) {
        long at = t;
        long expected =
            sessions.stream()
                .filter(s -> s.anchorId().equals(live.getKey()))
                .filter(s -> s.startEpochSecond() <= at && at < s.endEpochSecond())
                .mapToLong(LiveSession::startEpochSecond)
                .max()
                .orElseThrow();
        assertThat(live.getValue()).as("%s at %d", live.getKey(), t).isEqualTo(expected);
      }
    }
  }

  // ---------------------------------------------------------------- real-time activity

  /**
   * A sequence of events of every kind under several keys (some late, some sharing a minute),
   * recorded in batches of several sizes, reads back as the windows of an {@link ActivityCounter}
   * per key fed the same events in the same order, at read times before, between and after them.
   */
  @Test
  void recordedActivityGivesTheWindowsOfAnActivityCounter() {
    Random random = new Random(17);
    List<String> keys =
        List.of(
            ActivityKeys.ALL,
            ActivityKeys.anchor("a1"),
            ActivityKeys.anchor("a {x}|:é"),
            ActivityKeys.category("music"),
            ActivityKeys.category("a1"));
    Map<String, ActivityCounter> expected = new HashMap<>();
    List<ActivityEvent> events = new ArrayList<>();
    long t = ACTIVITY_T0;
    for (int i = 0; i < 1_500; i++) {
      t += random.nextInt(10) == 0 ? random.nextInt(7_200) : random.nextInt(90);
      long late = random.nextInt(8) == 0 ? random.nextInt(2 * 3_600) : 0;
      ActivityKind kind = ActivityKind.values()[random.nextInt(ActivityKind.COUNT)];
      events.add(
          new ActivityEvent(
              keys.get(random.nextInt(keys.size())),
              kind,
              Math.max(0, t - late),
              1 + random.nextInt(4)));
    }
    for (ActivityEvent event : events) {
      expected
          .computeIfAbsent(event.key(), key -> new ActivityCounter())
          .record(event.kind(), event.epochSecond(), event.count());
    }
    // Batches of 1, of a few hundred and one larger than a Redis store's write batch.
    await(store.recordActivity(events.subList(0, 1)));
    await(store.recordActivity(events.subList(1, 300)));
    await(store.recordActivity(events.subList(300, events.size())));

    List<String> asked = new ArrayList<>(keys);
    asked.add(ActivityKeys.anchor("never"));
    for (long read = ACTIVITY_T0 - 60; read < t + 2 * 86_400; read += 1_800 + random.nextInt(600)) {
      Map<String, ActivityWindow> windows = await(store.readActivity(asked, read));
      assertThat(windows).as("at %d", read).containsOnlyKeys(asked);
      for (String key : asked) {
        ActivityCounter counter = expected.get(key);
        assertThat(windows.get(key))
            .as("%s at %d", key, read)
            .isEqualTo(counter == null ? ActivityWindow.EMPTY : counter.window(read));
      }
    }
  }

  /** Counts of one key and one minute add up, across calls and within one call. */
  @Test
  void eventsOfOneKeyAndMinuteAddUp() {
    String key = ActivityKeys.anchor("a1");
    long t = ACTIVITY_T0 + 30;
    await(
        store.recordActivity(
            List.of(
                new ActivityEvent(key, ActivityKind.IMPRESSION, t, 3),
                new ActivityEvent(key, ActivityKind.IMPRESSION, t + 1, 2),
                new ActivityEvent(key, ActivityKind.CLICK, t, 1))));
    await(store.recordActivity(List.of(new ActivityEvent(key, ActivityKind.PURCHASE, t + 29, 7))));

    ActivityWindow window = await(store.readActivity(List.of(key), t + 60)).get(key);

    assertThat(window.lastHour()).containsExactly(5, 1, 0, 0, 7);
    assertThat(window.lastDay()).containsExactly(5, 1, 0, 0, 7);
    assertThat(await(store.readActivity(List.of(key), t)).get(key))
        .as("the minute of the read is not counted")
        .isEqualTo(ActivityWindow.EMPTY);
  }

  /**
   * Every key asked for is in the answer, once however often it was asked, {@link
   * ActivityWindow#EMPTY} when nothing was counted; asking for no key gives an empty map.
   */
  @Test
  void readActivityAnswersEveryKeyOnceAndUnknownKeysAsEmpty() {
    String key = ActivityKeys.category("music");
    await(
        store.recordActivity(List.of(new ActivityEvent(key, ActivityKind.FOLLOW, ACTIVITY_T0, 2))));

    Map<String, ActivityWindow> windows =
        await(store.readActivity(List.of(key, "nobody", key, "nobody"), ACTIVITY_T0 + 60));

    assertThat(windows).containsOnlyKeys(key, "nobody");
    assertThat(windows.get(key).lastHour(ActivityKind.FOLLOW)).isEqualTo(2);
    assertThat(windows.get("nobody")).isEqualTo(ActivityWindow.EMPTY);
    assertThat(await(store.readActivity(List.of(), ACTIVITY_T0))).isEmpty();
    assertThat(await(store.recordActivity(List.of()))).isNull();
  }

  /** Activity is counted per key: similar-looking keys do not share counts. */
  @Test
  void activityIsPerKey() {
    await(
        store.recordActivity(
            List.of(
                new ActivityEvent(ActivityKeys.anchor("x"), ActivityKind.CART, ACTIVITY_T0, 1),
                new ActivityEvent(ActivityKeys.category("x"), ActivityKind.CART, ACTIVITY_T0, 2),
                new ActivityEvent("x", ActivityKind.CART, ACTIVITY_T0, 4))));

    Map<String, ActivityWindow> windows =
        await(store.readActivity(List.of("a:x", "c:x", "x"), ACTIVITY_T0 + 60));

    assertThat(windows.get("a:x").lastHour(ActivityKind.CART)).isEqualTo(1);
    assertThat(windows.get("c:x").lastHour(ActivityKind.CART)).isEqualTo(2);
    assertThat(windows.get("x").lastHour(ActivityKind.CART)).isEqualTo(4);
  }

  /** Events recorded at once from several threads under one key are all counted. */
  @Test
  void concurrentActivityOfOneKeyIsAllCounted() throws Exception {
    int threads = 4;
    int callsPerThread = 50;
    String key = ActivityKeys.ALL;
    ExecutorService executor = Executors.newFixedThreadPool(threads, namedThreads());
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        tasks.add(
            executor.submit(
                () -> {
                  List<CompletableFuture<Void>> pending = new ArrayList<>();
                  for (int i = 0; i < callsPerThread; i++) {
                    pending.add(
                        store.recordActivity(
                            List.of(
                                new ActivityEvent(key, ActivityKind.IMPRESSION, ACTIVITY_T0, 2),
                                new ActivityEvent(
                                    key, ActivityKind.CLICK, ACTIVITY_T0 + 3_600, 1))));
                  }
                  pending.forEach(FeatureStoreContractTest::await);
                }));
      }
      for (Future<?> task : tasks) {
        task.get(AWAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    ActivityWindow window = await(store.readActivity(List.of(key), ACTIVITY_T0 + 7_200)).get(key);
    assertThat(window.lastHour(ActivityKind.CLICK)).isEqualTo(threads * callsPerThread);
    assertThat(window.lastDay(ActivityKind.IMPRESSION)).isEqualTo(threads * callsPerThread * 2);
  }

  /** Bad events and keys are refused before anything is recorded. */
  @Test
  void badActivityArgumentsAreRefusedAndChangeNothing() {
    ActivityEvent valid = new ActivityEvent("k", ActivityKind.CLICK, ACTIVITY_T0, 1);
    assertThatThrownBy(() -> store.recordActivity(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("events is null");
    assertThatThrownBy(() -> store.recordActivity(Arrays.asList(valid, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("events has a null element at position 1");
    assertThatThrownBy(() -> store.readActivity(null, ACTIVITY_T0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("keys is null");
    assertThatThrownBy(() -> store.readActivity(Arrays.asList("k", null), ACTIVITY_T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keys has a null element at position 1");
    assertThatThrownBy(() -> store.readActivity(List.of("k", ""), ACTIVITY_T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keys element is empty");

    assertThat(await(store.readActivity(List.of("k"), ACTIVITY_T0 + 60)))
        .isEqualTo(Map.of("k", ActivityWindow.EMPTY));
  }

  /** An event needs a key, a kind, a time >= 0 and a count >= 1. */
  @Test
  void activityEventsCannotBeMadeFromBadValues() {
    assertThatThrownBy(() -> new ActivityEvent("k", ActivityKind.CLICK, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be >= 1, got 0");
    assertThatThrownBy(() -> new ActivityEvent("k", ActivityKind.CLICK, 0, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be >= 1, got -3");
    assertThatThrownBy(() -> new ActivityEvent(null, ActivityKind.CLICK, 0, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key is null");
    assertThatThrownBy(() -> new ActivityEvent("", ActivityKind.CLICK, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key is empty");
    assertThatThrownBy(() -> new ActivityEvent("k", null, 0, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind is null");
    assertThatThrownBy(() -> new ActivityEvent("k", ActivityKind.CLICK, -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epochSecond must be an epoch second >= 0, got -1");
  }

  /** clear() forgets this namespace's activity and no other's. */
  @Test
  void clearRemovesActivityOfThisNamespaceOnly() {
    FeatureStore other = open(newConfig());
    ActivityEvent event = new ActivityEvent(ActivityKeys.ALL, ActivityKind.CLICK, ACTIVITY_T0, 1);
    await(store.recordActivity(List.of(event)));
    await(other.recordActivity(List.of(event)));

    await(store.clear());

    long read = ACTIVITY_T0 + 60;
    assertThat(await(store.readActivity(List.of(ActivityKeys.ALL), read)))
        .isEqualTo(Map.of(ActivityKeys.ALL, ActivityWindow.EMPTY));
    assertThat(
            await(other.readActivity(List.of(ActivityKeys.ALL), read))
                .get(ActivityKeys.ALL)
                .lastHour(ActivityKind.CLICK))
        .isEqualTo(1);
  }

  // ---------------------------------------------------------------- user vectors

  @Test
  void userVectorsRoundTripBitForBit() {
    float[] u1Follow = {1.5f, -3.25f, 0f, Float.MIN_VALUE, Float.MAX_VALUE, -1e-30f};
    float[] u1Profile = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
    float[] u2Follow = {-0.0f, 7f, 8f, 9f, 10f, 11f};
    await(store.putUserVectors("v1", "U2F", Map.of("u1", u1Follow, "u2", u2Follow)));
    await(store.putUserVectors("v1", "profile", Map.of("u1", u1Profile)));

    UserVectors u1 = await(store.readUserVectors("u1"));
    UserVectors u2 = await(store.readUserVectors("u2"));

    assertThat(u1.version()).isEqualTo("v1");
    assertThat(u1.byModality()).containsOnlyKeys("U2F", "profile");
    assertThat(u1.vector("U2F")).isEqualTo(u1Follow);
    assertThat(u1.vector("profile")).isEqualTo(u1Profile);
    assertThat(u2.byModality()).containsOnlyKeys("U2F");
    assertThat(Float.floatToRawIntBits(u2.vector("U2F")[0]))
        .isEqualTo(Float.floatToRawIntBits(-0.0f));
  }

  @Test
  void aUserWithoutVectorsGetsTheEmptyVectors() {
    await(store.putUserProfiles(List.of(new UserProfile("u1", Map.of("k", "v")))));

    assertThat(await(store.readUserVectors("u1"))).isEqualTo(UserVectors.empty());
    assertThat(await(store.readUserVectors("nobody")).isEmpty()).isTrue();
    assertThat(await(store.readUserVectors("nobody")).version()).isNull();
  }

  @Test
  void vectorsAreNotPartOfTheUserFeatures() {
    await(store.putUserVectors("v1", "U2F", Map.of("u1", new float[] {1, 2})));

    assertThat(await(store.readUser("u1", 0)).isKnown()).isFalse();
  }

  @Test
  void puttingAModalityAgainReplacesItsVector() {
    await(store.putUserVectors("v1", "U2A", Map.of("u1", new float[] {1, 2, 3})));
    await(store.putUserVectors("v1", "U2A", Map.of("u1", new float[] {4, 5, 6})));

    assertThat(await(store.readUserVectors("u1")).vector("U2A")).containsExactly(4, 5, 6);
  }

  @Test
  void aNewVersionDropsEveryVectorOfTheOldOne() {
    await(store.putUserVectors("v1", "U2F", Map.of("u1", new float[] {1, 1})));
    await(
        store.putUserVectors(
            "v1", "U2A", Map.of("u1", new float[] {2, 2}, "u2", new float[] {3, 3})));

    await(store.putUserVectors("v2", "U2A", Map.of("u1", new float[] {9, 9, 9})));

    UserVectors u1 = await(store.readUserVectors("u1"));
    assertThat(u1.version()).isEqualTo("v2");
    assertThat(u1.byModality()).containsOnlyKeys("U2A");
    assertThat(u1.vector("U2A")).containsExactly(9, 9, 9);
    // u2 was not in the new version's put: it keeps its whole v1 set, never a mix.
    UserVectors u2 = await(store.readUserVectors("u2"));
    assertThat(u2.version()).isEqualTo("v1");
    assertThat(u2.byModality()).containsOnlyKeys("U2A");
  }

  @Test
  void bulkVectorWritesLargerThanOneBatchArriveWhole() {
    Random random = new Random(7);
    Map<String, float[]> vectors = new HashMap<>();
    for (int i = 0; i < 2_500; i++) {
      float[] vector = new float[16];
      for (int d = 0; d < vector.length; d++) {
        vector[d] = (float) random.nextGaussian();
      }
      vectors.put("user-" + i, vector);
    }

    await(store.putUserVectors("v1", "U2I2I2A", vectors));

    for (String userId : List.of("user-0", "user-999", "user-1000", "user-2499")) {
      assertThat(await(store.readUserVectors(userId)).vector("U2I2I2A"))
          .as(userId)
          .isEqualTo(vectors.get(userId));
    }
  }

  @Test
  void userVectorIdsAreArbitraryStrings() {
    String userId = "u {x}|:\"é💡";
    String version = "v:{1}|ü";
    String modality = "mod {a}|b";

    await(store.putUserVectors(version, modality, Map.of(userId, new float[] {1, -1})));

    UserVectors read = await(store.readUserVectors(userId));
    assertThat(read.version()).isEqualTo(version);
    assertThat(read.vector(modality)).containsExactly(1, -1);
  }

  @Test
  void clearRemovesUserVectors() {
    await(store.putUserVectors("v1", "U2F", Map.of("u1", new float[] {1, 2})));

    await(store.clear());

    assertThat(await(store.readUserVectors("u1")).isEmpty()).isTrue();
  }

  @Test
  void badUserVectorsAreRefusedAndChangeNothing() {
    Map<String, float[]> withNullKey = new HashMap<>();
    withNullKey.put(null, new float[] {1});
    assertThatThrownBy(() -> store.putUserVectors(null, "U2F", Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("version is null");
    assertThatThrownBy(() -> store.putUserVectors("v1", "", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("modality is empty");
    assertThatThrownBy(() -> store.putUserVectors("v1", "version", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modality must not be 'version'");
    assertThatThrownBy(() -> store.putUserVectors("v1", "U2F", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vectorsByUser is null");
    assertThatThrownBy(() -> store.putUserVectors("v1", "U2F", withNullKey))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vectorsByUser key is null");
    assertThatThrownBy(
            () -> store.putUserVectors("v1", "U2F", Map.of("u1", new float[] {1, Float.NaN})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector of user 'u1' has a non-finite component at 1: NaN");
    assertThatThrownBy(() -> store.putUserVectors("v1", "U2F", Map.of("u1", new float[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector of user 'u1' is empty");
    assertThatThrownBy(
            () ->
                store.putUserVectors(
                    "v1", "U2F", Map.of("u1", new float[] {1, 2}, "u2", new float[] {1, 2, 3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has dimension");
    assertThatThrownBy(() -> store.readUserVectors(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userId is empty");

    assertThat(await(store.readUserVectors("u1")).isEmpty()).isTrue();
  }

  @Test
  void readVectorsCannotBeChangedThroughTheInput() {
    float[] vector = {1, 2};
    await(store.putUserVectors("v1", "U2F", Map.of("u1", vector)));
    vector[0] = 99;

    assertThat(await(store.readUserVectors("u1")).vector("U2F")).containsExactly(1, 2);
  }

  // ---------------------------------------------------------------- clear and namespaces

  @Test
  void clearRemovesOnlyThisNamespace() {
    FeatureStore other = open(newConfig());
    for (FeatureStore each : List.of(store, other)) {
      await(each.putUserProfiles(List.of(new UserProfile("u1", Map.of("k", "v")))));
      await(each.putHistoryEntry("u1", HistoryKind.ITEMS, "i1", 1));
      await(each.recordExposures("u1", List.of("a1"), 100));
      await(each.putAnchors(List.of(new AnchorFeatures("a1", "music", Map.of()))));
      await(each.putLiveSessions(List.of(new LiveSession("a1", 100, 200))));
    }

    await(store.clear());

    UserFeatures cleared = await(store.readUser("u1", 100));
    assertThat(cleared.isKnown()).isFalse();
    assertThat(cleared.recentlyExposedAnchors()).isEmpty();
    assertThat(await(store.readAnchors(List.of("a1")))).isEmpty();
    assertThat(await(store.liveAnchors(150))).isEmpty();

    UserFeatures kept = await(other.readUser("u1", 100));
    assertThat(kept.profile()).isEqualTo(Map.of("k", "v"));
    assertThat(kept.history(HistoryKind.ITEMS)).containsExactly(new ScoredId("i1", 1));
    assertThat(kept.recentlyExposedAnchors()).containsExactly("a1");
    assertThat(await(other.readAnchors(List.of("a1")))).containsOnlyKeys("a1");
    assertThat(await(other.liveAnchors(150))).containsExactly("a1");
  }

  @Test
  void aStoreIsUsableAfterClear() {
    await(store.putAnchors(List.of(new AnchorFeatures("a1", "music", Map.of()))));
    await(store.clear());
    await(store.putAnchors(List.of(new AnchorFeatures("a2", "games", Map.of()))));

    assertThat(await(store.readAnchors(List.of("a1", "a2")))).containsOnlyKeys("a2");
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void concurrentReadersSeeConsistentFeaturesWhileAWriterUpdates() throws Exception {
    List<AnchorFeatures> anchors =
        IntStream.range(0, 50)
            .mapToObj(i -> new AnchorFeatures("a" + i, "music", Map.of("i", "" + i)))
            .toList();
    await(store.putAnchors(anchors));
    await(store.putUserProfiles(List.of(new UserProfile("u1", Map.of("country", "BR")))));
    List<String> anchorIds = anchors.stream().map(AnchorFeatures::anchorId).toList();

    int readers = 4;
    int readsPerReader = 100;
    int increments = 200;
    ExecutorService executor = Executors.newFixedThreadPool(readers + 1, namedThreads());
    try {
      List<Future<?>> tasks = new ArrayList<>();
      tasks.add(
          executor.submit(
              () -> {
                for (int i = 0; i < increments; i++) {
                  await(store.incrementHistory("u1", HistoryKind.WATCHED_ANCHORS, "a" + i % 10, 1));
                }
              }));
      for (int r = 0; r < readers; r++) {
        tasks.add(
            executor.submit(
                () -> {
                  for (int i = 0; i < readsPerReader; i++) {
                    CompletableFuture<UserFeatures> user = store.readUser("u1", 0);
                    CompletableFuture<Map<String, AnchorFeatures>> read =
                        store.readAnchors(anchorIds);
                    UserFeatures features = await(user);
                    assertThat(features.profile()).isEqualTo(Map.of("country", "BR"));
                    List<ScoredId> watched = features.history(HistoryKind.WATCHED_ANCHORS);
                    assertThat(watched).hasSizeLessThanOrEqualTo(HISTORY_MAX_LENGTH);
                    assertThat(watched).isSortedAccordingTo(ScoredId.RANKING);
                    assertThat(await(read)).hasSize(anchors.size());
                  }
                }));
      }
      for (Future<?> task : tasks) {
        task.get(AWAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    // a0..a9 got 20 increments each; ties rank by id descending.
    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.WATCHED_ANCHORS))
        .containsExactly(
            new ScoredId("a9", 20),
            new ScoredId("a8", 20),
            new ScoredId("a7", 20),
            new ScoredId("a6", 20),
            new ScoredId("a5", 20));
  }

  @Test
  void concurrentIncrementsOfOneEntryAreAllCounted() throws Exception {
    int threads = 4;
    int incrementsPerThread = 100;
    ExecutorService executor = Executors.newFixedThreadPool(threads, namedThreads());
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(
            executor.submit(
                () -> {
                  List<CompletableFuture<Void>> pending = new ArrayList<>();
                  for (int i = 0; i < incrementsPerThread; i++) {
                    pending.add(store.incrementHistory("u1", HistoryKind.ITEMS, "shared", 0.5));
                  }
                  pending.forEach(FeatureStoreContractTest::await);
                }));
      }
      for (Future<?> task : tasks) {
        task.get(AWAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    assertThat(await(store.readUser("u1", 0)).history(HistoryKind.ITEMS))
        .containsExactly(new ScoredId("shared", threads * incrementsPerThread * 0.5));
  }

  // ---------------------------------------------------------------- bad input and lifecycle

  @Test
  void nullAndEmptyIdsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> store.readUser(null, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("userId is null");
    assertThatThrownBy(() -> store.readUser("", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userId is empty");
    assertThatThrownBy(() -> store.readAnchors(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("anchorIds is null");
    assertThatThrownBy(() -> store.readAnchors(Arrays.asList("a1", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("anchorIds has a null element at position 1");
    assertThatThrownBy(() -> store.incrementHistory("u1", null, "a1", 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind is null");
    assertThatThrownBy(() -> store.putHistoryEntry("u1", HistoryKind.ITEMS, null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id is null");
    assertThatThrownBy(() -> store.removeHistoryEntry("u1", HistoryKind.ITEMS, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id is empty");
    assertThatThrownBy(() -> store.recordExposures("u1", List.of("a1", ""), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("anchorIds element is empty");
    assertThatThrownBy(() -> store.putUserProfiles(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("profiles is null");
    assertThatThrownBy(() -> store.putLiveSessions(Collections.singletonList(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sessions has a null element at position 0");
  }

  @Test
  void nonFiniteScoresAreRefused() {
    assertThatThrownBy(() -> store.incrementHistory("u1", HistoryKind.ITEMS, "i1", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delta must be a finite number, got NaN");
    assertThatThrownBy(
            () -> store.putHistoryEntry("u1", HistoryKind.ITEMS, "i1", Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be a finite number, got Infinity");
  }

  @Test
  void sessionsThatEndBeforeTheyStartCannotBeMade() {
    assertThatThrownBy(() -> new LiveSession("a1", 200, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endEpochSecond (200) must be after startEpochSecond (200) for anchor 'a1'");
    assertThatThrownBy(() -> new LiveSession("a1", 200, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be after");
  }

  @Test
  void refusedInputChangesNothing() {
    assertThatThrownBy(
            () ->
                store.putUserProfiles(Arrays.asList(new UserProfile("u1", Map.of("k", "v")), null)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(await(store.readUser("u1", 0)).isKnown()).isFalse();
  }

  @Test
  void aClosedStoreRefusesCalls() {
    FeatureStore closing = open(newConfig());
    closing.close();
    closing.close();

    assertThatThrownBy(() -> closing.readUser("u1", 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("feature store is closed");
    assertThatThrownBy(() -> closing.putAnchors(List.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Session starts and activity are refused after close() like every other call. */
  @Test
  void aClosedStoreRefusesSessionStartsAndActivity() {
    FeatureStore closing = open(newConfig());
    closing.close();
    ActivityEvent event = new ActivityEvent(ActivityKeys.ALL, ActivityKind.CLICK, 0, 1);

    assertThatThrownBy(() -> closing.liveSessionStarts(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("feature store is closed");
    assertThatThrownBy(() -> closing.recordActivity(List.of(event)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("feature store is closed");
    assertThatThrownBy(() -> closing.readActivity(List.of(ActivityKeys.ALL), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("feature store is closed");
  }

  @Test
  void configIsTheOneGiven() {
    FeatureStoreConfig config = newConfig();
    assertThat(open(config).config()).isEqualTo(config);
  }

  private static ThreadFactory namedThreads() {
    AtomicInteger next = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "feature-store-contract-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
