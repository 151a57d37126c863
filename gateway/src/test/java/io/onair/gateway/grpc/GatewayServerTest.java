package io.onair.gateway.grpc;

import static io.onair.gateway.testing.Requests.batch;
import static io.onair.gateway.testing.Requests.follow;
import static io.onair.gateway.testing.Requests.ids;
import static io.onair.gateway.testing.Requests.impression;
import static io.onair.gateway.testing.Requests.recommend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.onair.dataset.Dataset;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import io.onair.fusion.ScoreFusion;
import io.onair.gateway.config.DiversityConfig;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.testing.FakeRankings;
import io.onair.gateway.testing.GatewayHarness;
import io.onair.gateway.testing.TinyServingWorld;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.EventAck;
import io.onair.proto.v1.RecommendResponse;
import io.onair.proto.v1.RecommendedItem;
import io.onair.proto.v1.RouteProvenance;
import io.onair.proto.v1.StageLatency;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.simulator.output.SimulatorManifest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway over real gRPC on loopback, in front of a real recall server (tiny simulated world,
 * in-memory features) and hand-written ranking services. Each test uses users of its own.
 */
class GatewayServerTest {
  static TinyServingWorld world;
  static List<HeldOutRequest> requests;

  @BeforeAll
  static void start() {
    world = TinyServingWorld.get();
    requests = world.requests().stream().filter(r -> !r.scenario().equals("swipe")).toList();
    assertThat(requests).hasSizeGreaterThan(12);
  }

  /**
   * The defaults with a generous deadline cap: on two busy cores a 500 ms budget can make recall
   * late, and these tests are about what the full pipeline answers, not about its speed.
   */
  static GatewayConfig testConfig() {
    return withDiversity(
        DiversityConfig.DEFAULTS.maxPerCategory(), DiversityConfig.DEFAULTS.topPositions());
  }

  static GatewayConfig withDiversity(int maxPerCategory, int top) {
    GatewayConfig d = GatewayConfig.defaults();
    return new GatewayConfig(
        d.maxCount(),
        10_000,
        d.stageShares(),
        new DiversityConfig(maxPerCategory, top),
        d.exposureWindowSeconds(),
        d.recallCount(),
        d.rankMaxCandidates(),
        d.serverThreads(),
        d.referAwareScenarios(),
        d.fusion());
  }

  @Test
  void eventsInThenRecommendReflectsThem() throws Exception {
    HeldOutRequest r = requests.get(0);
    try (GatewayHarness h =
        new GatewayHarness(world, new FakeRankings.Predicting(), testConfig())) {
      UserFeatures user = world.store.readUser(r.userId(), r.time()).join();
      Set<String> followed =
          user.history(HistoryKind.FOLLOWS).stream().map(ScoredId::id).collect(Collectors.toSet());
      String anchor =
          world.store.liveAnchors(r.time()).join().stream()
              .filter(a -> !followed.contains(a) && !user.recentlyExposedAnchors().contains(a))
              .sorted()
              .findFirst()
              .orElseThrow();

      EventAck ack = h.events().send(batch(follow(r.userId(), anchor, r.time() - 5)));
      assertThat(ack.getAccepted()).isEqualTo(1);
      RecommendResponse afterFollow =
          h.recommend(20).recommend(recommend(r, 200).setDebug(true).build());
      RecommendedItem followedItem =
          afterFollow.getItemsList().stream()
              .filter(i -> i.getAnchorId().equals(anchor))
              .findFirst()
              .orElseThrow(() -> new AssertionError(anchor + " not in " + ids(afterFollow)));
      assertThat(followedItem.getRoutesList())
          .extracting(RouteProvenance::getRoute)
          .contains("U2F");

      String shown = afterFollow.getItems(0).getAnchorId();
      assertThat(
              h.events()
                  .send(batch(impression(r.userId(), shown, r.scenario(), r.time())))
                  .getAccepted())
          .isEqualTo(1);
      RecommendResponse afterImpression = h.recommend(20).recommend(recommend(r, 200).build());
      assertThat(ids(afterImpression)).isNotEmpty().doesNotContain(shown);
    }
  }

  @Test
  void rankingThatFailsFallsBackToRecallOrder() throws Exception {
    HeldOutRequest r = requests.get(1);
    try (GatewayHarness h =
        new GatewayHarness(world, new FakeRankings.Failing(), withDiversity(1, 0))) {
      RecommendResponse response = h.recommend(20).recommend(recommend(r, 30).build());
      assertThat(response.getDegradationFlagsList())
          .contains(DegradationFlag.DEGRADATION_FLAG_RANKING_FALLBACK_RECALL_ORDER);
      assertThat(response.getModel().getModelName()).isEmpty();
      assertThat(response.getItemsList()).isNotEmpty();
      double previous = Double.POSITIVE_INFINITY;
      for (RecommendedItem item : response.getItemsList()) {
        assertThat(item.getPredictionsMap()).isEmpty();
        assertThat(item.getScore()).isLessThanOrEqualTo(previous);
        previous = item.getScore();
      }
      assertThat(h.metrics.scrape()).contains("flag=\"ranking_fallback_recall_order\"");
    }
  }

  @Test
  void rankingThatIsLateFallsBackWithinTheDeadline() throws Exception {
    HeldOutRequest r = requests.get(2);
    GatewayConfig d = GatewayConfig.defaults();
    GatewayConfig shortBudget =
        new GatewayConfig(
            d.maxCount(),
            400,
            d.stageShares(),
            d.diversity(),
            d.exposureWindowSeconds(),
            d.recallCount(),
            d.rankMaxCandidates(),
            d.serverThreads(),
            d.referAwareScenarios(),
            d.fusion());
    try (GatewayHarness h = new GatewayHarness(world, new FakeRankings.Late(), shortBudget)) {
      // The client allows 30 s; the gateway's cap (400 ms) bounds ranking's share, so the answer
      // comes back as a fallback instead of DEADLINE_EXCEEDED.
      RecommendResponse response =
          h.recommend(30).recommend(recommend(r, 10).setDebug(true).build());
      assertThat(response.getDegradationFlagsList())
          .contains(DegradationFlag.DEGRADATION_FLAG_RANKING_FALLBACK_RECALL_ORDER);
      assertFull(response, 10);
      assertThat(response.getDebug().getBudgetMicros()).isEqualTo(400_000);
    }
  }

  @Test
  void recallDownFallsBackToPopularLiveAnchors() throws Exception {
    HeldOutRequest r = requests.get(3);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    try (GatewayHarness h =
        new GatewayHarness(
            world,
            world.store,
            "127.0.0.1:" + closedPort,
            new FakeRankings.Predicting(),
            testConfig())) {
      RecommendResponse response = h.recommend(20).recommend(recommend(r, 20).build());
      assertThat(response.getDegradationFlagsList())
          .contains(DegradationFlag.DEGRADATION_FLAG_RECALL_FALLBACK_POPULAR)
          .doesNotContain(DegradationFlag.DEGRADATION_FLAG_RANKING_FALLBACK_RECALL_ORDER);
      assertFull(response, 20);
      assertThat(response.getModel().getModelName()).isEqualTo(FakeRankings.MODEL);
      Dataset dataset = world.dataset();
      for (RecommendedItem item : response.getItemsList()) {
        assertThat(item.getRoutesList())
            .extracting(RouteProvenance::getRoute)
            .containsExactly("popular");
        assertThat(dataset.isLive(dataset.anchors().indexOf(item.getAnchorId()), r.time()))
            .isTrue();
      }
    }
  }

  @Test
  void anUnknownUserGetsPopularAnchorsFlagged() throws Exception {
    HeldOutRequest r = requests.get(4);
    try (GatewayHarness h =
        new GatewayHarness(world, new FakeRankings.Predicting(), testConfig())) {
      RecommendResponse response =
          h.recommend(20).recommend(recommend(r, 10).setUserId("new-" + UUID.randomUUID()).build());
      assertThat(response.getDegradationFlagsList())
          .contains(DegradationFlag.DEGRADATION_FLAG_COLD_START_POPULAR);
      assertFull(response, 10);
      assertThat(response.getItemsList())
          .allSatisfy(
              i ->
                  assertThat(i.getRoutesList())
                      .extracting(RouteProvenance::getRoute)
                      .contains("popular"));
    }
  }

  @Test
  void badRequestsNameTheField() throws Exception {
    HeldOutRequest r = requests.get(5);
    try (GatewayHarness h =
        new GatewayHarness(world, new FakeRankings.Predicting(), testConfig())) {
      RecommendResponse response = h.recommend(20).recommend(recommend(r, 2).build());
      assertThat(response.getItemsList()).hasSize(2);
      assertThat(response.getRequestId()).isNotEmpty();

      invalid(() -> h.recommend(20).recommend(recommend(r, 0).build()), "count: must be 1 to ");
      invalid(() -> h.recommend(20).recommend(recommend(r, 10_000).build()), "count: ");
      invalid(() -> h.recommend(20).recommend(recommend(r, -1).build()), "count: ");
      invalid(
          () -> h.recommend(20).recommend(recommend(r, 10).setScenario("double11").build()),
          "scenario: unknown scenario 'double11'");
      invalid(() -> h.recommendWithoutDeadline().recommend(recommend(r, 10).build()), "deadline: ");
      invalid(() -> h.recommend(20).recommend(recommend(r, 10).setUserId("").build()), "user_id: ");
      invalid(
          () ->
              h.recommend(20)
                  .recommend(recommend(r, 10).setScenario("swipe").setReferAnchorId("").build()),
          "refer_anchor_id: ");
    }
  }

  /**
   * {@code count} items, or fewer (at least one) with FEWER_THAN_REQUESTED: few anchors are live.
   */
  private static void assertFull(RecommendResponse response, int count) {
    assertThat(response.getItemsList()).isNotEmpty();
    if (response.getItemsCount() < count) {
      assertThat(response.getDegradationFlagsList())
          .contains(DegradationFlag.DEGRADATION_FLAG_FEWER_THAN_REQUESTED);
    } else {
      assertThat(response.getItemsList()).hasSize(count);
    }
  }

  private static void invalid(ThrowingCallable call, String descriptionStart) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).startsWith(descriptionStart);
            });
  }

  @Test
  void theDiversityCapHoldsInTheTopPositions() throws Exception {
    try (GatewayHarness h =
        new GatewayHarness(world, new FakeRankings.Predicting(), withDiversity(2, 8))) {
      int checked = 0;
      for (HeldOutRequest r : requests.subList(6, 12)) {
        RecommendResponse response = h.recommend(20).recommend(recommend(r, 20).build());
        if (response
            .getDegradationFlagsList()
            .contains(DegradationFlag.DEGRADATION_FLAG_DIVERSITY_RELAXED)) {
          continue;
        }
        Map<String, Integer> perCategory = new HashMap<>();
        response.getItemsList().stream()
            .limit(8)
            .forEach(i -> perCategory.merge(i.getCategory(), 1, Integer::sum));
        assertThat(perCategory.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        checked++;
      }
      assertThat(checked).isPositive();
    }
  }

  @Test
  void fusedScoresMatchTheFusionLibraryAndDebugExplainsThem() throws Exception {
    HeldOutRequest r = requests.get(12);
    GatewayConfig config = withDiversity(1, 0); // diversity off: the order is the fused order
    try (GatewayHarness h = new GatewayHarness(world, new FakeRankings.Predicting(), config)) {
      RecommendResponse response =
          h.recommend(20).recommend(recommend(r, 50).setDebug(true).build());
      assertThat(response.getDegradationFlagsList())
          .doesNotContain(DegradationFlag.DEGRADATION_FLAG_RANKING_FALLBACK_RECALL_ORDER);
      assertThat(response.getModel().getModelName()).isEqualTo(FakeRankings.MODEL);
      assertThat(response.getModel().getTargetsCount()).isEqualTo(SimulatorManifest.TARGETS.size());
      TargetGraph graph = TargetGraph.of(SimulatorManifest.TARGETS);
      ScoreFusion library = config.fusionOf(r.scenario()).bind(graph);
      double previous = Double.POSITIVE_INFINITY;
      for (RecommendedItem item : response.getItemsList()) {
        float[] predictions = new float[graph.size()];
        for (int t = 0; t < graph.size(); t++) {
          predictions[t] = (float) FakeRankings.prediction(item.getAnchorId(), graph.target(t));
          assertThat(item.getPredictionsMap().get(graph.name(t)))
              .isCloseTo(
                  FakeRankings.prediction(item.getAnchorId(), graph.target(t)), within(1e-12));
        }
        assertThat(item.getScore()).isCloseTo(library.score(predictions), within(1e-9));
        assertThat(item.getScore()).isLessThanOrEqualTo(previous);
        previous = item.getScore();
        assertThat(item.getExplanation().getFusion()).isEqualTo("multiplicative");
        assertThat(item.getExplanation().getFusedScore()).isEqualTo(item.getScore());
        assertThat(item.getExplanation().getTermsList())
            .extracting(io.onair.proto.v1.FusionTerm::getTarget)
            .containsExactly("click", "watch_seconds", "like", "follow");
        assertThat(item.getExplanation().getReason()).isNotBlank();
      }
      assertThat(response.getDebug().getFusionFormula())
          .isEqualTo("(1.0*p_click) * (0.01*p_watch_seconds + 0.5*p_like + 2.0*p_follow)");
      assertThat(response.getDebug().getStageLatenciesList())
          .extracting(StageLatency::getStage)
          .containsExactly("validate", "features", "recall", "rank", "fuse", "filter", "total");
      assertThat(response.getDebug().getRouteOutcomesList())
          .as("%s", response.getDegradationFlagsList())
          .isNotEmpty();
      assertThat(response.getDebug().getRecalledCount())
          .isEqualTo(response.getDebug().getRankedCount())
          .isPositive();
      assertThat(h.metrics.scrape())
          .contains("stage=\"rank\"")
          .contains("version=\"" + FakeRankings.VERSION + "\"")
          .contains("method=\"Recommend\"");
    }
  }

  @Test
  void healthAndReflectionAreServed() throws Exception {
    try (GatewayHarness h =
        new GatewayHarness(world, new FakeRankings.Predicting(), testConfig())) {
      for (String service : List.of("", "onair.v1.GatewayService", "onair.v1.EventService")) {
        assertThat(
                HealthGrpc.newBlockingStub(h.channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().setService(service).build())
                    .getStatus())
            .isEqualTo(ServingStatus.SERVING);
      }
    }
  }
}
