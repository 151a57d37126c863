package io.onair.recall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.recall.ErrorCode;
import io.onair.recall.RecallException;
import io.onair.recall.TinyWorld;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.config.RouteSettings;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import io.onair.recall.merge.Provenance;
import io.onair.recall.route.RecallRoute;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecallEngineTest {
  static TinyWorld world;
  static FeatureStore store;
  static RecallRuntime runtime;
  static List<HeldOutRequest> requests;

  @BeforeAll
  static void load() {
    world = TinyWorld.get();
    store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
    DatasetFeatureLoader.load(world.dataset, world.window, store, Progress.NONE);
    runtime =
        RecallRuntime.create(
            faultyConfig(), world.relations, store, false, Clock.systemUTC(), new FaultyRoutes());
    requests = HeldOutRequests.of(world.dataset, world.window);
  }

  @AfterAll
  static void close() {
    runtime.close();
    store.close();
  }

  /** The default configuration plus the broken and slow routes in every scenario. */
  static RecallConfig faultyConfig() {
    RecallConfig d = RecallConfig.defaults();
    // Generous limits for the real routes: these tests are about the broken and the slow route,
    // and a loaded CI machine must not drop the others too.
    Map<String, RouteSettings> routes = new LinkedHashMap<>();
    d.routes()
        .forEach((name, r) -> routes.put(name, new RouteSettings(r.quota(), 2_000, r.weight())));
    routes.put("broken", new RouteSettings(10, 1_000, 1));
    routes.put("slow", new RouteSettings(10, 30, 1));
    List<String> all = new ArrayList<>(RecallConfig.STANDARD_ROUTES);
    all.add("broken");
    all.add("slow");
    return new RecallConfig(
        d.defaultCount(),
        d.maxCount(),
        5_000,
        2_000,
        4,
        256,
        4,
        d.rankFusionConstant(),
        d.popularUserCategoryBoost(),
        d.popularReferCategoryBoost(),
        d.referAwareScenarios(),
        routes,
        Map.of("*", all));
  }

  static final class FaultyRoutes extends AbstractModule {
    @Override
    protected void configure() {
      Multibinder<RecallRoute> routes = Multibinder.newSetBinder(binder(), RecallRoute.class);
      routes.addBinding().toInstance(new TinyWorld.BrokenRoute());
      routes.addBinding().toInstance(new TinyWorld.SlowRoute());
    }
  }

  /** The held-out request with the most live anchors, so lists are long. */
  static HeldOutRequest busiest() {
    Dataset d = world.dataset;
    HeldOutRequest best = null;
    int most = -1;
    for (int i = 0; i < requests.size(); i += 7) {
      HeldOutRequest r = requests.get(i);
      int live = 0;
      for (int a = 0; a < d.anchorCount(); a++) {
        live += d.isLive(a, r.time()) ? 1 : 0;
      }
      if (live > most && !r.scenario().equals("swipe")) {
        most = live;
        best = r;
      }
    }
    return best;
  }

  private RecallResult recall(RecallRequest request) {
    return runtime.engine().recall(request);
  }

  @Test
  void returnsOnlyAnchorsLiveAtTheRequestTime() {
    Dataset d = world.dataset;
    int checked = 0;
    for (int i = 0; i < requests.size(); i += Math.max(1, requests.size() / 40)) {
      HeldOutRequest r = requests.get(i);
      RecallResult result =
          recall(RecallRequest.of(r.userId(), r.scenario(), r.referAnchorId(), 100, r.time()));
      for (RecalledAnchor c : result.candidates()) {
        assertThat(d.isLive(d.anchors().indexOf(c.anchorId()), r.time()))
            .as("%s at %d", c.anchorId(), r.time())
            .isTrue();
        checked++;
      }
      assertThat(result.candidates()).extracting(RecalledAnchor::anchorId).doesNotHaveDuplicates();
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void dropsTheBrokenAndTheSlowRouteAndSaysWhich() {
    HeldOutRequest r = requests.get(0);
    RecallResult result =
        recall(RecallRequest.of(r.userId(), r.scenario(), r.referAnchorId(), 50, r.time()));
    assertThat(result.outcome("broken").status()).isEqualTo(RouteStatus.DROPPED_ERROR);
    assertThat(result.outcome("broken").detail()).contains("the broken route broke");
    assertThat(result.outcome("slow").status()).isEqualTo(RouteStatus.DROPPED_DEADLINE);
    assertThat(result.degradations()).contains(Degradation.ROUTE_DROPPED);
    assertThat(result.candidates()).isNotEmpty();
    assertThat(result.outcome("popular").status()).isEqualTo(RouteStatus.OK);
  }

  @Test
  void anUnknownUserGetsPopularFlaggedAsColdStart() {
    HeldOutRequest r = busiest();
    RecallResult result = recall(RecallRequest.of("nobody-knows-me", "channel", "", 10, r.time()));
    assertThat(result.degradations()).contains(Degradation.COLD_START_POPULAR);
    assertThat(result.candidates()).hasSize(10);
    for (RecalledAnchor c : result.candidates()) {
      assertThat(c.provenance()).extracting(Provenance::route).containsExactly("popular");
    }
    assertThat(result.outcome("U2F").status()).isEqualTo(RouteStatus.EMPTY);
  }

  @Test
  void excludesListedAndRecentlyShownAnchors() {
    HeldOutRequest r = busiest();
    RecallRequest plain =
        RecallRequest.of(r.userId(), r.scenario(), r.referAnchorId(), 30, r.time());
    List<String> before =
        recall(plain).candidates().stream().map(RecalledAnchor::anchorId).toList();
    assertThat(before.size()).isGreaterThan(3);
    RecallRequest excluding =
        new RecallRequest(
            r.userId(),
            r.scenario(),
            r.referAnchorId(),
            30,
            List.of(before.get(0)),
            r.time(),
            true,
            List.of(),
            "");
    RecallResult excluded = recall(excluding);
    assertThat(excluded.candidates())
        .extracting(RecalledAnchor::anchorId)
        .doesNotContain(before.get(0));
    assertThat(excluded.debug().removedExcluded()).isPositive();

    // Shown to a fresh user a minute ago: not recommended again to that user.
    String user = "shown-" + System.nanoTime();
    store.recordExposures(user, List.of(before.get(1)), r.time() - 60).join();
    RecallResult shown =
        recall(RecallRequest.of(user, r.scenario(), r.referAnchorId(), 30, r.time()));
    assertThat(shown.candidates())
        .extracting(RecalledAnchor::anchorId)
        .doesNotContain(before.get(1));
  }

  @Test
  void aSingleRouteRequestIsThatRoutesOwnTopK() {
    HeldOutRequest r = requests.get(0);
    RecallResult result =
        recall(
            RecallRequest.of(r.userId(), r.scenario(), r.referAnchorId(), 40, r.time())
                .onlyRoute("popular"));
    assertThat(result.outcomes()).extracting(RouteOutcome::route).containsExactly("popular");
    assertThat(result.candidates())
        .allSatisfy(
            c ->
                assertThat(c.provenance())
                    .extracting(Provenance::route)
                    .containsExactly("popular"));
    assertThat(result.candidates()).hasSizeLessThanOrEqualTo(40);
    Map<String, Integer> ranks = new HashMap<>();
    result.candidates().forEach(c -> ranks.put(c.anchorId(), c.provenance().get(0).rank()));
    assertThat(result.candidates().stream().map(c -> ranks.get(c.anchorId())).toList()).isSorted();
  }

  @Test
  void refusesBadRequestsNamingTheField() {
    long t = requests.get(0).time();
    assertThatThrownBy(() -> recall(RecallRequest.of("u", "", "", 10, t)))
        .isInstanceOfSatisfying(
            RecallException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageStartingWith("scenario: must not be empty");
    assertThatThrownBy(() -> recall(RecallRequest.of("u", "promo", "", 10, t)))
        .hasMessageStartingWith(
            "scenario: unknown scenario 'promo' (known: app, channel, swipe, tab)");
    assertThatThrownBy(() -> recall(RecallRequest.of("u", "swipe", "", 10, t)))
        .hasMessageStartingWith("refer_anchor_id: required");
    assertThatThrownBy(() -> recall(RecallRequest.of("u", "app", "", -1, t)))
        .hasMessageStartingWith("count: ");
    assertThatThrownBy(() -> recall(RecallRequest.of("u", "app", "", 5000, t)))
        .hasMessageStartingWith("count: must be between 0 and 2000");
    assertThatThrownBy(() -> recall(RecallRequest.of("", "app", "", 5, t)))
        .hasMessageStartingWith("user_id: must not be empty");
    assertThatThrownBy(() -> recall(RecallRequest.of("u", "app", "", 5, t).onlyRoute("U2X")))
        .hasMessageStartingWith("routes[0]: unknown route 'U2X'");
  }

  @Test
  void anUnknownReferRoomIsIgnoredAndFlagged() {
    HeldOutRequest r = requests.get(0);
    RecallResult result =
        recall(RecallRequest.of(r.userId(), "swipe", "no-such-room", 10, r.time()));
    assertThat(result.degradations()).contains(Degradation.REFER_IGNORED);
    assertThat(result.outcome("refer").status()).isEqualTo(RouteStatus.SKIPPED);
  }
}
