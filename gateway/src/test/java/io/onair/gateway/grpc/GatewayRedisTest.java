package io.onair.gateway.grpc;

import static io.onair.gateway.testing.Requests.batch;
import static io.onair.gateway.testing.Requests.follow;
import static io.onair.gateway.testing.Requests.ids;
import static io.onair.gateway.testing.Requests.impression;
import static io.onair.gateway.testing.Requests.recommend;
import static org.assertj.core.api.Assertions.assertThat;

import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import io.onair.gateway.testing.FakeRankings;
import io.onair.gateway.testing.GatewayHarness;
import io.onair.gateway.testing.TinyServingWorld;
import io.onair.proto.v1.RecommendResponse;
import io.onair.proto.v1.RecommendedItem;
import io.onair.proto.v1.RouteProvenance;
import io.onair.recall.eval.HeldOutRequest;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Events in, then Recommend reflects them, with the features in a real Redis (ONAIR_REDIS_URL,
 * default redis://127.0.0.1:6379) shared by the gateway and a real recall server, in a namespace of
 * its own that is cleared afterwards.
 */
class GatewayRedisTest {
  @Test
  void eventsWrittenToRedisReachRecallAndTheGatewayFilters() throws Exception {
    String url = System.getenv().getOrDefault("ONAIR_REDIS_URL", "redis://127.0.0.1:6379");
    String namespace = "onair-test-gateway-" + UUID.randomUUID().toString().substring(0, 8);
    FeatureStore store =
        FeatureStores.open(url, FeatureStoreConfig.defaults().withNamespace(namespace));
    try (TinyServingWorld world = TinyServingWorld.withStore(store);
        GatewayHarness h =
            new GatewayHarness(
                world,
                store,
                world.recallTarget(),
                new FakeRankings.Predicting(),
                GatewayServerTest.testConfig())) {
      HeldOutRequest r =
          world.requests().stream()
              .filter(q -> q.scenario().equals("app"))
              .findFirst()
              .orElseThrow();
      UserFeatures user = store.readUser(r.userId(), r.time()).join();
      Set<String> followed =
          user.history(HistoryKind.FOLLOWS).stream().map(ScoredId::id).collect(Collectors.toSet());
      String anchor =
          store.liveAnchors(r.time()).join().stream()
              .filter(a -> !followed.contains(a) && !user.recentlyExposedAnchors().contains(a))
              .sorted()
              .findFirst()
              .orElseThrow();

      h.events().send(batch(follow(r.userId(), anchor, r.time() - 5)));
      RecommendResponse response = h.recommend(20).recommend(recommend(r, 200).build());
      RecommendedItem item =
          response.getItemsList().stream()
              .filter(i -> i.getAnchorId().equals(anchor))
              .findFirst()
              .orElseThrow(() -> new AssertionError(anchor + " not in " + ids(response)));
      assertThat(item.getRoutesList()).extracting(RouteProvenance::getRoute).contains("U2F");

      h.events().send(batch(impression(r.userId(), anchor, r.scenario(), r.time())));
      assertThat(ids(h.recommend(20).recommend(recommend(r, 200).build())))
          .isNotEmpty()
          .doesNotContain(anchor);
    } finally {
      store.clear().join();
      store.close();
    }
  }
}
