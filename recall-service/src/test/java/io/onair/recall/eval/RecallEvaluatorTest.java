package io.onair.recall.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.recall.TinyWorld;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.engine.RecallRuntime;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecallEvaluatorTest {
  @Test
  void evaluatesEveryRouteAndTheMergeOnHeldOutUsers() {
    TinyWorld world = TinyWorld.get();
    List<HeldOutRequest> requests = HeldOutRequests.of(world.dataset, world.window);
    assertThat(requests)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(world.window.isHoldout(r.time())).isTrue());
    List<HeldOutRequest> users = HeldOutRequests.perUser(requests);
    assertThat(users).extracting(HeldOutRequest::user).doesNotHaveDuplicates();
    RecallEvaluator.Report report;
    try (FeatureStore store = FeatureStores.open("memory", FeatureStoreConfig.defaults())) {
      DatasetFeatureLoader.load(world.dataset, world.window, store, Progress.NONE);
      RecallConfig config = RecallConfig.defaults().withRouteTimeLimits(60_000, 600_000);
      try (RecallRuntime runtime =
          RecallRuntime.create(
              config, world.relations.withEveryAnchorLive(), store, false, Clock.systemUTC())) {
        report =
            RecallEvaluator.evaluate(
                runtime.engine(), users, 20, RecallConfig.STANDARD_ROUTES, Progress.NONE);
      }
    }
    assertThat(report.users()).isEqualTo(users.size());
    assertThat(report.routes()).containsOnlyKeys(RecallConfig.STANDARD_ROUTES);
    for (RecallEvaluator.Score s : report.routes().values()) {
      assertThat(s.hitRate()).isBetween(0.0, 1.0);
      assertThat(s.recall()).isBetween(0.0, s.hitRate());
      assertThat(s.candidatesMean()).isBetween(0.0, 20.0);
      assertThat(s.dropped()).isZero();
    }
    // Popular answers everyone; every anchor is live in this protocol, so its lists are full.
    assertThat(report.routes().get("popular").coverage()).isEqualTo(1.0);
    assertThat(report.routes().get("popular").candidatesMean()).isEqualTo(20.0);
    assertThat(report.merged().hitRate()).isPositive();
    Map<String, Object> json = RecallEvaluator.json(report, Map.of());
    assertThat(json).containsKeys("k", "users", "window", "routes", "merged");
  }
}
