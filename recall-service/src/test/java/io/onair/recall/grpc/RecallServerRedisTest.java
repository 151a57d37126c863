package io.onair.recall.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.RecallCandidate;
import io.onair.proto.v1.RecallRequest;
import io.onair.proto.v1.RecallResponse;
import io.onair.proto.v1.RecallServiceGrpc;
import io.onair.proto.v1.RouteOutcome;
import io.onair.proto.v1.RouteProvenance;
import io.onair.proto.v1.RouteStatus;
import io.onair.recall.TinyWorld;
import io.onair.recall.engine.RecallRuntime;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recall service over gRPC on loopback with its features in a real Redis (ONAIR_REDIS_URL,
 * default redis://127.0.0.1:6379), in a namespace of its own that is cleared afterwards.
 */
class RecallServerRedisTest {
  static TinyWorld world;
  static FeatureStore store;
  static RecallRuntime runtime;
  static RecallServer server;
  static ManagedChannel channel;
  static RecallServiceGrpc.RecallServiceBlockingStub stub;
  static List<HeldOutRequest> requests;
  static ServingStatus statusBeforeLoading;

  @BeforeAll
  static void start() {
    world = TinyWorld.get();
    String url = System.getenv().getOrDefault("ONAIR_REDIS_URL", "redis://127.0.0.1:6379");
    String namespace = "onair-test-recall-" + UUID.randomUUID().toString().substring(0, 8);
    store = FeatureStores.open(url, FeatureStoreConfig.defaults().withNamespace(namespace));
    server = new RecallServer(new InetSocketAddress("127.0.0.1", 0), 4);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    stub = RecallServiceGrpc.newBlockingStub(channel);
    statusBeforeLoading = health("onair.v1.RecallService");
    DatasetFeatureLoader.load(world.dataset, world.window, store, Progress.NONE);
    runtime =
        RecallRuntime.create(
            RecallEngineTestAccess.faultyConfig(),
            world.relations,
            store,
            false,
            Clock.systemUTC(),
            RecallEngineTestAccess.faultyRoutes());
    server.serve(runtime.engine());
    requests = HeldOutRequests.of(world.dataset, world.window);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
    runtime.close();
    store.clear().join();
    store.close();
  }

  static ServingStatus health(String service) {
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus();
  }

  private static RecallResponse call(RecallRequest request) {
    return stub.withDeadlineAfter(5, TimeUnit.SECONDS).recall(request);
  }

  private static RecallRequest.Builder request(HeldOutRequest r, int count) {
    return RecallRequest.newBuilder()
        .setUserId(r.userId())
        .setScenario(r.scenario())
        .setReferAnchorId(r.referAnchorId())
        .setCount(count)
        .setRequestTime(r.time());
  }

  @Test
  void healthIsNotServingUntilLoadedThenServing() {
    assertThat(statusBeforeLoading).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(health("onair.v1.RecallService")).isEqualTo(ServingStatus.SERVING);
    assertThat(health("")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void anUnknownUserGetsPopularFlagged() {
    RecallResponse response =
        call(request(requests.get(0), 25).setUserId("new-user-" + UUID.randomUUID()).build());
    assertThat(response.getDegradationFlagsList())
        .contains(DegradationFlag.DEGRADATION_FLAG_COLD_START_POPULAR);
    assertThat(response.getCandidatesList()).isNotEmpty();
    for (RecallCandidate c : response.getCandidatesList()) {
      assertThat(c.getProvenanceList())
          .extracting(RouteProvenance::getRoute)
          .containsExactly("popular");
    }
  }

  @Test
  void emptyOrUnknownScenarioIsInvalidArgumentNamingTheField() {
    assertThatThrownBy(() -> call(request(requests.get(0), 10).setScenario("").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).startsWith("scenario: must not be empty");
            });
    assertThatThrownBy(() -> call(request(requests.get(0), 10).setScenario("double11").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription())
                  .startsWith("scenario: unknown scenario 'double11' (known: ");
            });
  }

  @Test
  void aRouteThatThrowsOrRunsLateIsDroppedAndTheResponseSaysWhich() {
    RecallResponse response = call(request(requests.get(0), 50).setDebug(true).build());
    assertThat(response.getDegradationFlagsList())
        .contains(DegradationFlag.DEGRADATION_FLAG_ROUTE_DROPPED);
    RouteOutcome broken = outcome(response, "broken");
    assertThat(broken.getStatus()).isEqualTo(RouteStatus.ROUTE_STATUS_DROPPED_ERROR);
    assertThat(broken.getDetail()).contains("the broken route broke");
    assertThat(outcome(response, "slow").getStatus())
        .isEqualTo(RouteStatus.ROUTE_STATUS_DROPPED_DEADLINE);
    assertThat(response.getCandidatesList()).isNotEmpty();
    assertThat(response.getArtifacts(0).getName()).isEqualTo("relations");
    assertThat(response.getDebug().getStageLatenciesList()).isNotEmpty();
    String metrics = server.metrics().scrape();
    assertThat(metrics)
        .contains(
            "onair_dropped_routes_total{reason=\"error\",route=\"broken\",service=\"recall\"}")
        .contains(
            "onair_dropped_routes_total{reason=\"deadline\",route=\"slow\",service=\"recall\"}")
        .contains("onair_fallbacks_total{flag=\"route_dropped\",service=\"recall\"}")
        .contains("onair_requests_total{method=\"Recall\",service=\"recall\",status=\"OK\"}")
        .contains("onair_stage_seconds_count{service=\"recall\",stage=\"features\"}");
  }

  @Test
  void anAnchorThatIsNotLiveIsNeverReturned() {
    Dataset d = world.dataset;
    int checked = 0;
    for (int i = 0; i < requests.size(); i += Math.max(1, requests.size() / 30)) {
      HeldOutRequest r = requests.get(i);
      RecallResponse response = call(request(r, 200).setDebug(true).build());
      for (RecallCandidate c : response.getCandidatesList()) {
        assertThat(d.isLive(d.anchors().indexOf(c.getAnchorId()), r.time()))
            .as("%s at %d", c.getAnchorId(), r.time())
            .isTrue();
        checked++;
      }
      assertThat(response.getDebug().getRemovedNotLive()).isPositive();
    }
    assertThat(checked).isGreaterThan(100);
  }

  private static RouteOutcome outcome(RecallResponse response, String route) {
    return response.getRouteOutcomesList().stream()
        .filter(o -> o.getRoute().equals(route))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + route));
  }
}
