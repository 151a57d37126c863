package io.onair.recall.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.proto.v1.RecallCandidate;
import io.onair.proto.v1.RecallRequest;
import io.onair.proto.v1.RecallResponse;
import io.onair.proto.v1.RecallServiceGrpc;
import io.onair.proto.v1.RouteOutcome;
import io.onair.proto.v1.RouteProvenance;
import io.onair.proto.v1.RouteStatus;
import io.onair.recall.TinyWorld;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.engine.RecallRuntime;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import io.onair.recall.grpc.RecallServer;
import io.onair.recall.route.RelationTables;
import io.onair.vectors.PretrainedVectors;
import io.onair.vectors.VectorSet;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector routes over gRPC: a real {@link RecallServer} on a loopback port, the features and the
 * user vectors in a real Redis (ONAIR_REDIS_URL, default redis://127.0.0.1:6379) in a namespace of
 * its own, the vectors written with {@link PretrainedVectors#write} from deterministic synthetic
 * vectors over the tiny world's anchors and users.
 */
class VectorRoutesGrpcTest {
  private static final int DIMENSION = 8;

  static TinyWorld world;
  static Path artifacts;
  static PretrainedVectors vectors;
  static FeatureStore store;
  static RecallRuntime runtime;
  static RecallServer server;
  static ManagedChannel channel;
  static RecallServiceGrpc.RecallServiceBlockingStub stub;
  static List<HeldOutRequest> requests;
  static String userWithoutVectors;

  @BeforeAll
  static void start() throws Exception {
    world = TinyWorld.get();
    artifacts = Files.createTempDirectory("onair-vector-routes");
    RelationTables tables = new RelationTables(world.relations);
    Random random = new Random(3);
    List<String> anchorIds = new ArrayList<>();
    for (int a = 0; a < tables.anchorCount(); a++) {
      anchorIds.add(tables.anchorId(a));
    }
    List<String> userIds = new ArrayList<>(world.dataset.users().ids());
    userWithoutVectors = userIds.remove(userIds.size() - 1);
    Map<String, VectorSet> users = new LinkedHashMap<>();
    for (String modality : PretrainedVectors.MODALITIES) {
      users.put(modality, VectorSet.of(userIds, gaussian(random, userIds.size()), DIMENSION));
    }
    PretrainedVectors.write(
        artifacts,
        new PretrainedVectors.Export(
            Map.of("holdout_days", 2),
            Map.of(),
            PretrainedVectors.MODALITIES,
            VectorSet.of(anchorIds, gaussian(random, anchorIds.size()), DIMENSION),
            users));
    vectors = PretrainedVectors.load(artifacts);

    String url = System.getenv().getOrDefault("ONAIR_REDIS_URL", "redis://127.0.0.1:6379");
    String namespace = "onair-test-vec-" + UUID.randomUUID().toString().substring(0, 8);
    store = FeatureStores.open(url, FeatureStoreConfig.defaults().withNamespace(namespace));
    DatasetFeatureLoader.load(world.dataset, world.window, store, Progress.NONE);
    UserVectorLoader.load(vectors, store, Progress.NONE);

    server = new RecallServer(new InetSocketAddress("127.0.0.1", 0), 4);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    stub = RecallServiceGrpc.newBlockingStub(channel);
    runtime =
        RecallRuntime.create(
            RecallConfig.defaults().withRouteTimeLimits(10_000, 20_000),
            world.relations,
            store,
            false,
            Clock.systemUTC(),
            VectorArtifacts.load(artifacts));
    server.serve(runtime.engine());
    requests = HeldOutRequests.of(world.dataset, world.window);
  }

  @AfterAll
  static void stop() throws Exception {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (store != null) {
      store.clear().join();
      store.close();
    }
  }

  private static float[] gaussian(Random random, int rows) {
    float[] data = new float[rows * DIMENSION];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return data;
  }

  private static RecallResponse call(HeldOutRequest r, String userId, int count, String... routes) {
    return stub.withDeadlineAfter(30, TimeUnit.SECONDS)
        .recall(
            RecallRequest.newBuilder()
                .setUserId(userId)
                .setScenario(r.scenario())
                .setReferAnchorId(r.referAnchorId())
                .setCount(count)
                .setRequestTime(r.time())
                .addAllRoutes(List.of(routes))
                .build());
  }

  private static RouteOutcome outcome(RecallResponse response, String route) {
    return response.getRouteOutcomesList().stream()
        .filter(o -> o.getRoute().equals(route))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + route));
  }

  @Test
  void theMergedAnswerHoldsLiveVectorCandidatesOfEveryModality() {
    Dataset d = world.dataset;
    Map<String, Integer> byRoute = new HashMap<>();
    for (int i = 0; i < requests.size(); i += Math.max(1, requests.size() / 10)) {
      HeldOutRequest r = requests.get(i);
      if (r.userId().equals(userWithoutVectors)) {
        continue;
      }
      RecallResponse response = call(r, r.userId(), 200);
      for (String route : RecallConfig.VECTOR_ROUTES) {
        assertThat(outcome(response, route).getStatus())
            .as(route)
            .isIn(RouteStatus.ROUTE_STATUS_OK, RouteStatus.ROUTE_STATUS_EMPTY);
      }
      for (RecallCandidate c : response.getCandidatesList()) {
        assertThat(d.isLive(d.anchors().indexOf(c.getAnchorId()), r.time()))
            .as("%s at %d", c.getAnchorId(), r.time())
            .isTrue();
        for (RouteProvenance p : c.getProvenanceList()) {
          byRoute.merge(p.getRoute(), 1, Integer::sum);
        }
      }
    }
    assertThat(byRoute).containsKeys(RecallConfig.VECTOR_ROUTES.toArray(String[]::new));
  }

  @Test
  void aVectorRouteAloneIsTheExactTopKOfTheLiveAnchorsByInnerProduct() {
    Dataset d = world.dataset;
    HeldOutRequest r =
        requests.stream().filter(q -> !q.userId().equals(userWithoutVectors)).findFirst().get();
    VectorSet users = vectors.users("U2F");
    float[] user = users.vector(users.row(r.userId()));
    record Scored(String anchorId, float score) {}
    List<Scored> live = new ArrayList<>();
    VectorSet anchors = vectors.anchors();
    for (int row = 0; row < anchors.size(); row++) {
      String id = anchors.id(row);
      if (d.isLive(d.anchors().indexOf(id), r.time())) {
        live.add(new Scored(id, anchors.dot(user, row)));
      }
    }
    live.sort(Comparator.comparingDouble((Scored s) -> -s.score()));
    int k = Math.min(10, live.size());

    RecallResponse response = call(r, r.userId(), k, "VEC_U2F");

    assertThat(response.getCandidatesList())
        .extracting(RecallCandidate::getAnchorId)
        .containsExactlyElementsOf(live.subList(0, k).stream().map(Scored::anchorId).toList());
    for (int i = 0; i < k; i++) {
      RouteProvenance p = response.getCandidates(i).getProvenance(0);
      assertThat(p.getRoute()).isEqualTo("VEC_U2F");
      assertThat(p.getScore())
          .isCloseTo(live.get(i).score(), org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void aUserWithoutVectorsOrWithAnotherVersionIsSkippedWithTheReason() {
    HeldOutRequest r = requests.get(0);

    RecallResponse none = call(r, userWithoutVectors, 20, "VEC_U2A", "popular");
    assertThat(outcome(none, "VEC_U2A").getStatus()).isEqualTo(RouteStatus.ROUTE_STATUS_SKIPPED);
    assertThat(outcome(none, "VEC_U2A").getDetail())
        .isEqualTo("the user has no pretrained vectors");
    assertThat(none.getCandidatesList()).isNotEmpty();

    String stale = "stale-" + UUID.randomUUID();
    store.putUserVectors("an-older-version", "U2A", Map.of(stale, new float[DIMENSION])).join();
    RecallResponse old = call(r, stale, 20, "VEC_U2A");
    assertThat(outcome(old, "VEC_U2A").getStatus()).isEqualTo(RouteStatus.ROUTE_STATUS_SKIPPED);
    assertThat(outcome(old, "VEC_U2A").getDetail())
        .isEqualTo(
            "the user's vectors are version an-older-version, the anchors' " + vectors.version());
  }
}
