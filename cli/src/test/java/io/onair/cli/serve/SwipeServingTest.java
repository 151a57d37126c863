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
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.gateway.config.GatewayConfigLoader;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.GatewayServiceGrpc;
import io.onair.proto.v1.RecommendRequest;
import io.onair.proto.v1.RecommendResponse;
import io.onair.proto.v1.RecommendedItem;
import io.onair.proto.v1.RouteProvenance;
import io.onair.ranking.RankingJob;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.serving.config.RankingConfigLoader;
import io.onair.ranking.train.TrainingConfig;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import io.onair.relations.RelationsArtifacts;
import io.onair.relations.RelationsConfig;
import io.onair.relations.RelationsJob;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swipe feed end to end over real gRPC on loopback: on the tiny world a default {@code dbmtl}
 * (every scenario) and the refer-aware swipe model (trained on swipe only) are trained with the
 * real trainer and exported; the ranking service is configured with {@code scenarioModels: swipe ->
 * the swipe model}; recall, ranking and the gateway run in one process over an in-memory store. A
 * swipe request that carries a refer room is answered by the swipe model, never returns the refer
 * room, returns live anchors only, finds refer-route candidates, and its predictions depend on the
 * refer room; other scenarios keep the default model; a swipe request without a refer room is
 * refused naming the field.
 */
class SwipeServingTest {
  /** The swipe model's kind and exported name: RUI 3.0 (contracts.md: {@code rui-v3}). */
  static final String SWIPE_KIND = "rui-v3";

  static final String SWIPE_MODEL = "rui-v3";

  @TempDir static Path dir;

  static Path artifacts;
  static FeatureStore store;
  static ServingStack stack;
  static ManagedChannel channel;
  static GatewayServiceGrpc.GatewayServiceBlockingStub gateway;
  static List<HeldOutRequest> swipes;
  static HeldOutRequest channelRequest;

  @BeforeAll
  static void serve() {
    Path world = dir.resolve("tiny");
    artifacts = dir.resolve("artifacts");
    new WorldSimulator().simulate(SimulationConfig.preset("tiny", 5), world, Progress.NONE);
    Dataset dataset = DatasetReader.read(world, Progress.NONE);
    DataWindow window = DataWindow.of(dataset, 2);
    RelationsArtifacts.write(
        RelationsJob.run(dataset, window, RelationsConfig.defaults(), Progress.NONE),
        RelationsConfig.defaults(),
        artifacts);
    RankingJob.Prepared prepared = RankingJob.prepare(dataset, 2, Progress.NONE);
    RankingJob.trainAndExport(
        prepared,
        "dbmtl",
        ModelConfig.defaults(ModelKind.parse("dbmtl")),
        TrainingConfig.defaults().withRefit(false).withEpochs(1).withMaxTrainingRows(5000),
        artifacts,
        Progress.NONE,
        line -> {});
    RankingJob.trainAndExport(
        prepared,
        SWIPE_MODEL,
        ModelConfig.defaults(ModelKind.parse(SWIPE_KIND)),
        TrainingConfig.defaults()
            .withRefit(false)
            .withEpochs(1)
            .withTrainingScenarios(List.of("swipe")),
        artifacts,
        Progress.NONE,
        line -> {});
    store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
    DatasetFeatureLoader.load(dataset, window, store, Progress.NONE);
    ServingStack.Settings defaults = ServingStack.Settings.loopback(artifacts);
    stack =
        ServingStack.start(
            new ServingStack.Settings(
                artifacts,
                defaults.recall(),
                RankingConfigLoader.parse(
                    "{\"defaultModel\": \"dbmtl\", \"scenarioModels\": {\"swipe\": \""
                        + SWIPE_MODEL
                        + "\"}}"),
                // generous budgets: these tests are about what is served, not how fast
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
    List<HeldOutRequest> requests = HeldOutRequests.of(dataset, window);
    swipes =
        requests.stream()
            .filter(r -> r.scenario().equals("swipe"))
            .sorted(
                Comparator.comparingInt(
                        (HeldOutRequest r) -> -store.liveAnchors(r.time()).join().size())
                    .thenComparing(HeldOutRequest::userId)
                    .thenComparingLong(HeldOutRequest::time))
            .limit(12)
            .toList();
    channelRequest =
        requests.stream().filter(r -> r.scenario().equals("channel")).findFirst().orElseThrow();
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
      store.close();
    }
  }

  private static RecommendResponse recommend(RecommendRequest request) {
    return gateway.withDeadlineAfter(20, TimeUnit.SECONDS).recommend(request);
  }

  private static RecommendRequest.Builder request(HeldOutRequest r, String refer, int count) {
    return RecommendRequest.newBuilder()
        .setUserId(r.userId())
        .setScenario(r.scenario())
        .setReferAnchorId(refer)
        .setCount(count)
        .setRequestTime(r.time())
        .setDebug(true);
  }

  private static String currentVersion(String model) throws Exception {
    return Files.readString(artifacts.resolve("ranking").resolve(model).resolve("CURRENT")).trim();
  }

  @Test
  void aSwipeRequestWithAReferRoomIsServedByTheSwipeModel() throws Exception {
    assertThat(swipes).hasSizeGreaterThan(5);
    String version = currentVersion(SWIPE_MODEL);
    int referRouted = 0;
    for (HeldOutRequest r : swipes) {
      RecommendResponse response = recommend(request(r, r.referAnchorId(), 20).build());
      Set<String> live = store.liveAnchors(r.time()).join();
      assertThat(response.getModel().getModelName()).isEqualTo(SWIPE_MODEL);
      assertThat(response.getModel().getVersion()).isEqualTo(version);
      assertThat(response.getDegradationFlagsList())
          .doesNotContain(
              DegradationFlag.DEGRADATION_FLAG_RANKING_FALLBACK_RECALL_ORDER,
              DegradationFlag.DEGRADATION_FLAG_RECALL_FALLBACK_POPULAR,
              DegradationFlag.DEGRADATION_FLAG_REFER_IGNORED);
      assertThat(response.getItemsList()).isNotEmpty();
      for (RecommendedItem item : response.getItemsList()) {
        assertThat(item.getAnchorId())
            .as("the room the user is in")
            .isNotEqualTo(r.referAnchorId());
        assertThat(live).as("live at the request's time").contains(item.getAnchorId());
        assertThat(item.getPredictionsMap()).containsKey("view10s");
        if (item.getRoutesList().stream()
            .map(RouteProvenance::getRoute)
            .anyMatch("refer"::equals)) {
          referRouted++;
        }
      }
    }
    assertThat(referRouted).as("items recalled through the refer room's neighbours").isPositive();
  }

  @Test
  void theSwipeModelsPredictionsDependOnTheReferRoom() {
    HeldOutRequest r = swipes.get(0);
    List<String> live =
        store.liveAnchors(r.time()).join().stream()
            .filter(a -> !a.equals(r.referAnchorId()))
            .sorted()
            .toList();
    String otherRefer = live.get(live.size() / 2);
    Map<String, Double> first = predictions(recommend(request(r, r.referAnchorId(), 50).build()));
    Map<String, Double> second = predictions(recommend(request(r, otherRefer, 50).build()));
    int common = 0;
    int differ = 0;
    for (Map.Entry<String, Double> e : first.entrySet()) {
      Double other = second.get(e.getKey());
      if (other != null) {
        common++;
        differ += Math.abs(other - e.getValue()) > 1e-6 ? 1 : 0;
      }
    }
    assertThat(common).as("anchors ranked under both refer rooms").isPositive();
    assertThat(differ)
        .as("of %d common anchors, view10s moved with the refer room", common)
        .isEqualTo(common);
  }

  private static Map<String, Double> predictions(RecommendResponse response) {
    assertThat(response.getModel().getModelName()).isEqualTo(SWIPE_MODEL);
    Map<String, Double> byAnchor = new HashMap<>();
    for (RecommendedItem item : response.getItemsList()) {
      byAnchor.put(item.getAnchorId(), item.getPredictionsMap().get("view10s"));
    }
    return byAnchor;
  }

  @Test
  void otherScenariosKeepTheDefaultModel() throws Exception {
    RecommendResponse response = recommend(request(channelRequest, "", 10).build());
    assertThat(response.getModel().getModelName()).isEqualTo("dbmtl");
    assertThat(response.getModel().getVersion()).isEqualTo(currentVersion("dbmtl"));
  }

  @Test
  void aSwipeRequestWithoutAReferRoomIsRefusedNamingTheField() {
    HeldOutRequest r = swipes.get(0);
    assertThatThrownBy(() -> recommend(request(r, "", 10).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("refer_anchor_id: required in scenario 'swipe'");
            });
  }
}
