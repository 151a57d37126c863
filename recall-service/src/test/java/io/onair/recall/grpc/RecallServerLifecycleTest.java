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
import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.proto.v1.RecallRequest;
import io.onair.proto.v1.RecallServiceGrpc;
import io.onair.proto.v1.RouteOutcome;
import io.onair.proto.v1.RouteStatus;
import io.onair.recall.TinyWorld;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.config.RouteSettings;
import io.onair.recall.engine.RecallRuntime;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Loading, serving, the call's gRPC deadline bounding the routes (the deadline propagates into the
 * engine), and graceful shutdown.
 */
class RecallServerLifecycleTest {
  @Test
  void unavailableWhileLoadingThenServingThenShutDown() throws Exception {
    TinyWorld world = TinyWorld.get();
    HeldOutRequest r = HeldOutRequests.of(world.dataset, world.window).get(0);
    RecallRequest request =
        RecallRequest.newBuilder()
            .setUserId(r.userId())
            .setScenario(r.scenario())
            .setReferAnchorId(r.referAnchorId())
            .setCount(20)
            .setRequestTime(r.time())
            .build();
    try (FeatureStore store = FeatureStores.open("memory", FeatureStoreConfig.defaults())) {
      RecallServer server = new RecallServer(new InetSocketAddress("127.0.0.1", 0), 2);
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        RecallServiceGrpc.RecallServiceBlockingStub stub =
            RecallServiceGrpc.newBlockingStub(channel);
        assertThatThrownBy(() -> stub.withDeadlineAfter(5, TimeUnit.SECONDS).recall(request))
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(health(channel)).isEqualTo(ServingStatus.NOT_SERVING);

        DatasetFeatureLoader.load(world.dataset, world.window, store, Progress.NONE);
        // The slow route may run a minute by its own limit: only the call's deadline stops it.
        RecallConfig base = RecallEngineTestAccess.faultyConfig();
        Map<String, RouteSettings> routes = new HashMap<>(base.routes());
        routes.put("slow", new RouteSettings(10, 60_000, 1));
        RecallConfig config =
            new RecallConfig(
                base.defaultCount(),
                base.maxCount(),
                base.defaultDeadlineMillis(),
                base.featuresTimeLimitMillis(),
                base.routeThreads(),
                base.routeQueue(),
                base.serverThreads(),
                base.rankFusionConstant(),
                base.popularUserCategoryBoost(),
                base.popularReferCategoryBoost(),
                base.referAwareScenarios(),
                routes,
                base.scenarioRoutes());
        try (RecallRuntime runtime =
            RecallRuntime.create(
                config,
                world.relations,
                store,
                false,
                Clock.systemUTC(),
                RecallEngineTestAccess.faultyRoutes())) {
          server.serve(runtime.engine());
          assertThat(health(channel)).isEqualTo(ServingStatus.SERVING);
          // long enough for the real routes on a loaded machine; the slow one still outlives it
          var response = stub.withDeadlineAfter(5, TimeUnit.SECONDS).recall(request);
          RouteOutcome slow =
              response.getRouteOutcomesList().stream()
                  .filter(o -> o.getRoute().equals("slow"))
                  .findFirst()
                  .orElseThrow();
          assertThat(slow.getStatus()).isEqualTo(RouteStatus.ROUTE_STATUS_DROPPED_DEADLINE);
          assertThat(response.getCandidatesList()).isNotEmpty();

          server.close();
          assertThatThrownBy(() -> stub.withDeadlineAfter(5, TimeUnit.SECONDS).recall(request))
              .isInstanceOf(StatusRuntimeException.class);
        }
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
      }
    }
  }

  private static ServingStatus health(ManagedChannel channel) {
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService("onair.v1.RecallService").build())
        .getStatus();
  }
}
