package io.onair.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.gateway.config.GatewayConfigLoader;
import io.onair.proto.v1.Behaviour;
import io.onair.proto.v1.BehaviourType;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.Event;
import io.onair.proto.v1.EventAck;
import io.onair.proto.v1.EventBatch;
import io.onair.proto.v1.EventServiceGrpc;
import io.onair.proto.v1.GatewayServiceGrpc;
import io.onair.proto.v1.Impression;
import io.onair.proto.v1.RecommendRequest;
import io.onair.proto.v1.RecommendResponse;
import io.onair.proto.v1.RecommendedItem;
import io.onair.proto.v1.RouteProvenance;
import io.onair.ranking.RankingJob;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.TrainingConfig;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import io.onair.relations.RelationsArtifacts;
import io.onair.relations.RelationsConfig;
import io.onair.relations.RelationsJob;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole serving path over real gRPC on loopback: the gateway, the recall service and the
 * ranking service with a dbmtl model trained here on the tiny world, features in a real Redis
 * (ONAIR_REDIS_URL, default redis://127.0.0.1:6379). Events change the next answer; with ranking
 * stopped the gateway still answers, in recall order and flagged; bad requests are refused naming
 * the field. The ranking-stopped test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingEndToEndTest {
  @TempDir static Path dir;

  static Dataset dataset;
  static DataWindow window;
  static FeatureStore store;
  static ServingStack stack;
  static ManagedChannel channel;
  static GatewayServiceGrpc.GatewayServiceBlockingStub gateway;
  static EventServiceGrpc.EventServiceBlockingStub events;
  static List<HeldOutRequest> requests;

  @BeforeAll
  static void serve() {
    Path world = dir.resolve("tiny");
    Path artifacts = dir.resolve("artifacts");
    new WorldSimulator().simulate(SimulationConfig.preset("tiny", 11), world, Progress.NONE);
    dataset = DatasetReader.read(world, Progress.NONE);
    window = DataWindow.of(dataset, 2);
    RelationsArtifacts.write(
        RelationsJob.run(dataset, window, RelationsConfig.defaults(), Progress.NONE),
        RelationsConfig.defaults(),
        artifacts);
    RankingJob.trainAndExport(
        RankingJob.prepare(dataset, 2, Progress.NONE),
        "dbmtl",
        ModelConfig.defaults(ModelKind.parse("dbmtl")),
        TrainingConfig.defaults().withRefit(false).withEpochs(1),
        artifacts,
        Progress.NONE,
        line -> {});
    String url = System.getenv().getOrDefault("ONAIR_REDIS_URL", "redis://127.0.0.1:6379");
    String namespace = "onair-test-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    store = FeatureStores.open(url, FeatureStoreConfig.defaults().withNamespace(namespace));
    DatasetFeatureLoader.load(dataset, window, store, Progress.NONE);
    // generous budgets: the assertions are about what the pipeline does, not about its speed on a
    // busy CI machine (the deadline tests below set their own)
    ServingStack.Settings defaults = ServingStack.Settings.loopback(artifacts);
    stack =
        ServingStack.start(
            new ServingStack.Settings(
                artifacts,
                defaults.recall(),
                defaults.ranking(),
                GatewayConfigLoader.parse("{\"maxDeadlineMillis\": 20000}"),
                0,
                0,
                0,
                -1,
                "127.0.0.1"),
            store);
    channel =
        NettyChannelBuilder.forAddress("127.0.0.1", stack.gatewayPort()).usePlaintext().build();
    gateway = GatewayServiceGrpc.newBlockingStub(channel);
    events = EventServiceGrpc.newBlockingStub(channel);
    requests = HeldOutRequests.of(dataset, window);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (stack != null) {
      stack.close();
    }
    if (store != null) {
      store.clear().join();
      store.close();
    }
  }

  private static RecommendResponse recommend(RecommendRequest request) {
    return gateway.withDeadlineAfter(20, TimeUnit.SECONDS).recommend(request);
  }

  private static RecommendRequest.Builder request(HeldOutRequest r, int count) {
    return RecommendRequest.newBuilder()
        .setUserId(r.userId())
        .setScenario(r.scenario())
        .setReferAnchorId(r.referAnchorId())
        .setCount(count)
        .setRequestTime(r.time())
        .setDebug(true);
  }

  /** A held-out request of a known user outside swipe, at a time with many live rooms. */
  private static HeldOutRequest busyRequest() {
    return requests.stream()
        .filter(r -> !r.scenario().equals("swipe"))
        .max(
            Comparator.comparingInt((HeldOutRequest r) -> store.liveAnchors(r.time()).join().size())
                .thenComparing(HeldOutRequest::userId))
        .orElseThrow();
  }

  @Test
  @Order(1)
  void theFullPipelineAnswersWithRankedLiveAnchorsAndReasons() {
    HeldOutRequest r = busyRequest();
    RecommendResponse response = recommend(request(r, 10).build());
    Set<String> live = store.liveAnchors(r.time()).join();
    assertThat(response.getItemsList()).isNotEmpty();
    assertThat(response.getModel().getModelName()).isEqualTo("dbmtl");
    assertThat(response.getDegradationFlagsList())
        .doesNotContain(
            DegradationFlag.DEGRADATION_FLAG_RANKING_FALLBACK_RECALL_ORDER,
            DegradationFlag.DEGRADATION_FLAG_RECALL_FALLBACK_POPULAR);
    for (RecommendedItem item : response.getItemsList()) {
      assertThat(live).contains(item.getAnchorId());
      assertThat(item.getPredictionsMap()).containsKeys("click", "follow", "purchase");
      assertThat(item.getExplanation().getReason()).isNotBlank();
      assertThat(item.getRoutesList()).isNotEmpty();
    }
    assertThat(response.getItemsList())
        .extracting(RecommendedItem::getScore)
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  @Order(2)
  void eventsInThenTheNextAnswerReflectsThem() {
    HeldOutRequest r = busyRequest();
    RecommendResponse before = recommend(request(r, 5).build());
    Set<String> shown = new HashSet<>();
    before.getItemsList().forEach(i -> shown.add(i.getAnchorId()));
    assertThat(shown).isNotEmpty();
    Set<String> followed = new HashSet<>();
    for (ScoredId f : store.readUser(r.userId(), r.time()).join().history(HistoryKind.FOLLOWS)) {
      followed.add(f.id());
    }
    String toFollow =
        store.liveAnchors(r.time()).join().stream()
            .filter(a -> !shown.contains(a) && !followed.contains(a))
            .sorted()
            .findFirst()
            .orElseThrow();

    EventBatch.Builder batch = EventBatch.newBuilder();
    for (RecommendedItem item : before.getItemsList()) {
      batch.addEvents(
          Event.newBuilder()
              .setImpression(
                  Impression.newBuilder()
                      .setUserId(r.userId())
                      .setAnchorId(item.getAnchorId())
                      .setScenario(r.scenario())
                      .setPosition(item.getRank())
                      .setRequestId(before.getRequestId())
                      .setEventTime(r.time())));
    }
    batch.addEvents(
        Event.newBuilder()
            .setBehaviour(
                Behaviour.newBuilder()
                    .setUserId(r.userId())
                    .setAnchorId(toFollow)
                    .setType(BehaviourType.BEHAVIOUR_TYPE_FOLLOW)
                    .setEventTime(r.time())));
    EventAck ack = events.withDeadlineAfter(5, TimeUnit.SECONDS).send(batch.build());
    assertThat(ack.getRejected()).as(ack.toString()).isZero();
    assertThat(ack.getAccepted()).isEqualTo(before.getItemsCount() + 1);

    RecommendResponse after = recommend(request(r, 200).setRequestTime(r.time() + 30).build());
    assertThat(after.getItemsList())
        .extracting(RecommendedItem::getAnchorId)
        .as("a just-shown anchor is not shown again within the exposure window")
        .doesNotContainAnyElementsOf(shown);
    RecommendedItem followedItem =
        after.getItemsList().stream()
            .filter(i -> i.getAnchorId().equals(toFollow))
            .findFirst()
            .orElseThrow(() -> new AssertionError(toFollow + " is not in " + after));
    assertThat(followedItem.getRoutesList())
        .extracting(RouteProvenance::getRoute)
        .as("the just-followed anchor is recalled by U2F")
        .contains("U2F");
  }

  @Test
  @Order(3)
  void aSwipeRequestNeverReturnsTheRoomTheUserIsIn() {
    List<HeldOutRequest> swipes =
        requests.stream().filter(r -> r.scenario().equals("swipe")).limit(20).toList();
    assertThat(swipes).isNotEmpty();
    for (HeldOutRequest r : swipes) {
      RecommendResponse response = recommend(request(r, 50).build());
      assertThat(response.getItemsList())
          .extracting(RecommendedItem::getAnchorId)
          .doesNotContain(r.referAnchorId());
    }
  }

  @Test
  @Order(3)
  void anUnknownUserGetsPopularAnchors() {
    HeldOutRequest r = busyRequest();
    RecommendResponse response =
        recommend(request(r, 10).setUserId("nobody-" + UUID.randomUUID()).build());
    assertThat(response.getDegradationFlagsList())
        .contains(DegradationFlag.DEGRADATION_FLAG_COLD_START_POPULAR);
    assertThat(response.getItemsList()).isNotEmpty();
    for (RecommendedItem item : response.getItemsList()) {
      assertThat(item.getRoutesList()).extracting(RouteProvenance::getRoute).contains("popular");
    }
  }

  @Test
  @Order(4)
  void badRequestsAreInvalidArgumentNamingTheField() {
    HeldOutRequest r = busyRequest();
    assertInvalid(() -> recommend(request(r, 0).build()), "count: ");
    assertInvalid(() -> recommend(request(r, 10_000).build()), "count: ");
    assertInvalid(() -> recommend(request(r, 10).setScenario("double11").build()), "scenario: ");
    assertInvalid(() -> gateway.recommend(request(r, 10).build()), "deadline: ");
  }

  private static void assertInvalid(Runnable call, String prefix) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).startsWith(prefix);
            });
  }

  @Test
  @Order(5)
  void withRankingStoppedTheGatewayStillAnswersInRecallOrderFlagged() {
    HeldOutRequest r = busyRequest();
    stack.stopRanking();
    RecommendResponse response =
        gateway.withDeadlineAfter(1, TimeUnit.SECONDS).recommend(request(r, 10).build());
    assertThat(response.getDegradationFlagsList())
        .contains(DegradationFlag.DEGRADATION_FLAG_RANKING_FALLBACK_RECALL_ORDER);
    assertThat(response.getItemsList()).isNotEmpty();
    assertThat(response.getModel().getModelName()).isEmpty();
    for (RecommendedItem item : response.getItemsList()) {
      assertThat(item.getPredictionsMap()).isEmpty();
    }
  }
}
