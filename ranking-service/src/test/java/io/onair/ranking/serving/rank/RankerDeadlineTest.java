package io.onair.ranking.serving.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.metrics.ServiceMetrics;
import io.onair.ranking.serving.ErrorCode;
import io.onair.ranking.serving.RankingException;
import io.onair.ranking.serving.TinyRankingWorld;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.features.LiveActivityReader;
import io.onair.ranking.serving.features.UserFeatureReader;
import io.onair.ranking.serving.model.ModelRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the ranker does when the deadline passes: before scoring starts the call fails with
 * DEADLINE_EXCEEDED; between batches the scored ones are returned and the rest are left without
 * predictions, flagged RANKING_PARTIAL. Time is a hand-driven ticker, so nothing depends on speed.
 */
class RankerDeadlineTest {
  static TinyRankingWorld world;
  static FeatureStore store;
  static ModelRegistry registry;
  static final RankingConfig CONFIG =
      RankingConfig.defaults().withBatchSize(8).withReloadIntervalMillis(0);

  @BeforeAll
  static void load() {
    world = TinyRankingWorld.get();
    store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
    DatasetFeatureLoader.load(world.dataset, world.window, store, Progress.NONE);
    registry =
        ModelRegistry.load(
            world.artifacts, List.of(TinyRankingWorld.MODEL), 1, new ServiceMetrics("ranking"));
  }

  @AfterAll
  static void close() {
    registry.close();
    store.close();
  }

  /** Every reading of the ticker moves time one millisecond on. */
  private static Ranker ranker(AtomicLong nanos) {
    return new Ranker(
        CONFIG,
        registry,
        new UserFeatureReader(store),
        new LiveActivityReader(store),
        Clock.systemUTC(),
        () -> nanos.addAndGet(1_000_000));
  }

  private static RankQuery query(int candidates) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      ids.add(world.dataset.anchors().id(i));
    }
    return new RankQuery(
        world.dataset.users().id(2),
        "channel",
        "",
        ids,
        world.window.holdoutStart() + 60,
        false,
        "",
        "");
  }

  @Test
  void withTimeLeftEveryCandidateIsScored() {
    RankResult result = ranker(new AtomicLong()).rank(query(30), Long.MAX_VALUE / 2);
    assertThat(result.scored()).isEqualTo(30);
    assertThat(result.degradations()).isEmpty();
  }

  @Test
  void aDeadlinePassedBetweenBatchesReturnsThePartOfTheCandidatesScored() {
    // readings: features start (1 ms), the statistics' wait (2 ms), inference start (3 ms),
    // before batch 1 (4 ms), before batch 2 (5 ms): a deadline at 4.5 ms lets exactly the first
    // batch through
    RankResult result = ranker(new AtomicLong()).rank(query(30), 4_500_000);
    assertThat(result.scored()).isEqualTo(CONFIG.batchSize());
    assertThat(result.degradations()).containsExactly(Degradation.RANKING_PARTIAL);
    assertThat(result.anchorIds()).hasSize(30);
  }

  @Test
  void aDeadlinePassedBeforeScoringIsDeadlineExceeded() {
    assertThatThrownBy(() -> ranker(new AtomicLong()).rank(query(30), 0))
        .isInstanceOfSatisfying(
            RankingException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED));
  }
}
