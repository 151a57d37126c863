package io.onair.ranking.serving.grpc;

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
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.RankCandidate;
import io.onair.proto.v1.RankRequest;
import io.onair.proto.v1.RankResponse;
import io.onair.proto.v1.RankedCandidate;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.proto.v1.TargetInfo;
import io.onair.proto.v1.TargetKind;
import io.onair.ranking.export.RankingModelBundle;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.LiveActivity;
import io.onair.ranking.serving.RankingRuntime;
import io.onair.ranking.serving.TinyRankingWorld;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.features.LiveActivityReader;
import io.onair.ranking.serving.features.OnlineFeatures;
import io.onair.ranking.serving.features.UserFeatureReader;
import io.onair.ranking.serving.model.ModelLease;
import io.onair.ranking.serving.rank.Ranker;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ranking service over real gRPC on loopback, with the tiny world's features in the in-memory
 * store and a small DBMTL trained on it: answers, validation, degradation, and that the served
 * predictions are the model's own scores of the same rows.
 */
class RankingServerTest {
  static TinyRankingWorld world;
  static FeatureStore store;
  static RankingServer server;
  static RankingRuntime runtime;
  static ManagedChannel channel;
  static RankingServiceGrpc.RankingServiceBlockingStub stub;
  static ServingStatus statusBeforeLoading;
  static Status.Code callBeforeLoading;
  static RankingConfig config =
      RankingConfig.defaults().withBatchSize(16).withMaxCandidates(600).withReloadIntervalMillis(0);

  @BeforeAll
  static void start() {
    world = TinyRankingWorld.get();
    store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
    DatasetFeatureLoader.load(world.dataset, world.window, store, Progress.NONE);
    server = new RankingServer(new InetSocketAddress("127.0.0.1", 0), config);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    stub = RankingServiceGrpc.newBlockingStub(channel);
    statusBeforeLoading = health(RankingServer.SERVICE);
    try {
      stub.rank(request("u_x", "channel", anchors(3)).build());
      callBeforeLoading = Status.Code.OK;
    } catch (StatusRuntimeException e) {
      callBeforeLoading = e.getStatus().getCode();
    }
    runtime = RankingRuntime.load(world.artifacts, store, config, server.metrics());
    server.serve(runtime.ranker());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
    runtime.close();
    store.close();
    assertThat(runtime.registry().openBundles()).as("bundles left open").isZero();
  }

  static ServingStatus health(String service) {
    return HealthGrpc.newBlockingStub(channel)
        .check(HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus();
  }

  static List<String> anchors(int count) {
    List<String> ids = new ArrayList<>();
    var anchors = world.dataset.anchors();
    for (int i = 0; i < count; i++) {
      ids.add(anchors.id((i * 7) % world.dataset.anchorCount()));
    }
    return ids.stream().distinct().toList();
  }

  static RankRequest.Builder request(String user, String scenario, List<String> anchorIds) {
    RankRequest.Builder request =
        RankRequest.newBuilder()
            .setUserId(user)
            .setScenario(scenario)
            .setRequestTime(world.window.holdoutStart() + 3600);
    anchorIds.forEach(id -> request.addCandidates(RankCandidate.newBuilder().setAnchorId(id)));
    return request;
  }

  static String knownUser() {
    return world.dataset.users().id(3);
  }

  @Test
  void healthIsNotServingUntilTheModelIsLoaded() {
    assertThat(statusBeforeLoading).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(callBeforeLoading).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(health(RankingServer.SERVICE)).isEqualTo(ServingStatus.SERVING);
    assertThat(health("")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void everyCandidateGetsEveryTargetInRequestOrder() {
    List<String> ids = anchors(150);
    assertThat(ids.size()).as("more candidates than one batch").isGreaterThan(16);
    RankResponse response = stub.rank(request(knownUser(), "channel", ids).setDebug(true).build());

    assertThat(response.getResultsList()).extracting(RankedCandidate::getAnchorId).isEqualTo(ids);
    List<String> targets =
        response.getModel().getTargetsList().stream().map(TargetInfo::getName).toList();
    assertThat(targets).isEqualTo(world.dataset.targets().names());
    for (RankedCandidate candidate : response.getResultsList()) {
      assertThat(candidate.getPredictionsMap()).containsOnlyKeys(targets);
      for (TargetInfo target : response.getModel().getTargetsList()) {
        double value = candidate.getPredictionsOrThrow(target.getName());
        if (target.getKind() == TargetKind.TARGET_KIND_BINARY) {
          assertThat(value).as(target.getName()).isBetween(0.0, 1.0);
        } else {
          assertThat(value).as(target.getName()).isGreaterThanOrEqualTo(0.0).isFinite();
        }
      }
    }
    assertThat(response.getModel().getModelName()).isEqualTo(TinyRankingWorld.MODEL);
    assertThat(response.getModel().getVersion())
        .isEqualTo(runtime.registry().version(TinyRankingWorld.MODEL));
    assertThat(response.getModel().getDataWindow().getStartTime()).isEqualTo(world.window.start());
    assertThat(response.getModel().getDataWindow().getEndTime())
        .isEqualTo(world.window.holdoutStart());
    TargetInfo last = response.getModel().getTargets(targets.size() - 1);
    assertThat(last.getParentsList()).isNotEmpty();
    assertThat(response.getDegradationFlagsList()).isEmpty();
    assertThat(response.getDebug().getBatchSize()).isEqualTo(16);
    assertThat(response.getDebug().getStageLatenciesList())
        .extracting(s -> s.getStage())
        .containsExactly("features", "inference");
    assertThat(server.metrics().scrape())
        .contains("stage=\"inference\"", "model=\"dbmtl\"", "method=\"Rank\"");
  }

  @Test
  void servedPredictionsAreTheModelsOwnScoresOfTheSameRows() {
    List<String> ids = anchors(100);
    long time = world.window.holdoutStart() + 7200;
    RankResponse response =
        stub.rank(request(knownUser(), "tab", ids).setRequestTime(time).build());

    try (ModelLease lease = runtime.registry().lease(TinyRankingWorld.MODEL)) {
      RankingModelBundle bundle = lease.bundle();
      var context =
          bundle
              .vocabulary()
              .context(
                  OnlineFeatures.context(
                      store.readUser(knownUser(), time).join(),
                      "tab",
                      time,
                      Optional.empty(),
                      bundle.encoder().layout().historyLength()));
      LiveActivity[] activity =
          new LiveActivityReader(store)
              .start(bundle.vocabulary(), ids, time)
              .await(60_000_000_000L)
              .activity();
      EncodedBatch batch = new EncodedBatch(bundle.encoder().layout(), ids.size());
      for (int i = 0; i < ids.size(); i++) {
        bundle
            .encoder()
            .encode(context, bundle.vocabulary().candidate(ids.get(i)), activity[i], batch);
      }
      float[][] expected = bundle.score(batch);
      for (int i = 0; i < ids.size(); i++) {
        for (int t = 0; t < expected.length; t++) {
          assertThat(response.getResults(i).getPredictionsOrThrow(bundle.targets().name(t)))
              .as("candidate %d target %s", i, bundle.targets().name(t))
              .isEqualTo((double) expected[t][i]);
        }
      }
    }
  }

  @Test
  void anUnknownUserIsScoredWithDefaultsAndFlagged() {
    RankResponse response = stub.rank(request("nobody-knows-me", "app", anchors(5)).build());
    assertThat(response.getResultsCount()).isEqualTo(5);
    assertThat(response.getResults(0).getPredictionsMap()).isNotEmpty();
    assertThat(response.getDegradationFlagsList())
        .containsExactly(DegradationFlag.DEGRADATION_FLAG_FEATURES_UNAVAILABLE);
    assertThat(stub.rank(request(knownUser(), "app", anchors(5)).build()).getDegradationFlagsList())
        .isEmpty();
  }

  @Test
  void anUnknownCandidateIsScoredWithDefaultsAndFlagged() {
    List<String> ids = new ArrayList<>(anchors(3));
    ids.add("an-anchor-born-after-training");
    RankResponse response = stub.rank(request(knownUser(), "channel", ids).build());
    assertThat(response.getResultsList()).extracting(RankedCandidate::getAnchorId).isEqualTo(ids);
    assertThat(response.getResults(3).getPredictionsMap()).isNotEmpty();
    assertThat(response.getDegradationFlagsList())
        .containsExactly(DegradationFlag.DEGRADATION_FLAG_FEATURES_UNAVAILABLE);
  }

  @Test
  void anUnknownReferRoomIsIgnoredAndFlagged() {
    RankResponse response =
        stub.rank(
            request(knownUser(), "swipe", anchors(5)).setReferAnchorId("no-such-room").build());
    assertThat(response.getDegradationFlagsList())
        .containsExactly(DegradationFlag.DEGRADATION_FLAG_REFER_IGNORED);
    RankResponse known =
        stub.rank(
            request(knownUser(), "swipe", anchors(5))
                .setReferAnchorId(world.dataset.anchors().id(1))
                .build());
    assertThat(known.getDegradationFlagsList()).isEmpty();
  }

  @Test
  void anEmptyCandidateListGetsAnEmptyAnswer() {
    RankResponse response = stub.rank(request(knownUser(), "channel", List.of()).build());
    assertThat(response.getResultsList()).isEmpty();
    assertThat(response.getModel().getModelName()).isEqualTo(TinyRankingWorld.MODEL);
  }

  @Test
  void aFailingFeatureStoreDegradesInsteadOfFailing() {
    FeatureStore closed = FeatureStores.open("memory", FeatureStoreConfig.defaults());
    closed.close();
    try (RankingServer other = new RankingServer(new InetSocketAddress("127.0.0.1", 0), config)) {
      other.serve(
          new Ranker(
              config,
              runtime.registry(),
              new UserFeatureReader(closed),
              new LiveActivityReader(closed),
              Clock.systemUTC()));
      ManagedChannel otherChannel =
          NettyChannelBuilder.forAddress("127.0.0.1", other.port()).usePlaintext().build();
      try {
        RankResponse response =
            RankingServiceGrpc.newBlockingStub(otherChannel)
                .rank(request(knownUser(), "channel", anchors(4)).build());
        assertThat(response.getResultsCount()).isEqualTo(4);
        assertThat(response.getResults(3).getPredictionsMap()).isNotEmpty();
        assertThat(response.getDegradationFlagsList())
            .containsExactly(DegradationFlag.DEGRADATION_FLAG_FEATURES_UNAVAILABLE);
      } finally {
        otherChannel.shutdownNow();
      }
    }
  }

  static Stream<Arguments> badRequests() {
    List<String> ids = anchors(3);
    return Stream.of(
        Arguments.of(request("", "channel", ids), "user_id: must not be empty"),
        Arguments.of(request("u".repeat(257), "channel", ids), "user_id: longer than 256"),
        Arguments.of(request(knownUser(), "", ids), "scenario: must not be empty"),
        Arguments.of(
            request(knownUser(), "promo", ids),
            "scenario: unknown scenario 'promo' (known: app, channel, swipe, tab)"),
        Arguments.of(
            request(knownUser(), "channel", List.of(ids.get(0), ids.get(1), ids.get(0))),
            "candidates[2].anchor_id: duplicate of candidates[0]"),
        Arguments.of(
            request(knownUser(), "channel", List.of(ids.get(0), "")),
            "candidates[1].anchor_id: must not be empty"),
        Arguments.of(
            request(
                knownUser(),
                "channel",
                Stream.iterate(0, i -> i + 1).limit(601).map(i -> "new-anchor-" + i).toList()),
            "candidates: 601 candidates, more than the maximum of 600"),
        Arguments.of(
            request(knownUser(), "channel", ids).setRequestTime(-1), "request_time: must not be"),
        Arguments.of(
            request(knownUser(), "swipe", ids), "refer_anchor_id: required in the refer-aware"),
        Arguments.of(
            request(knownUser(), "channel", ids).setModelName("mmoe"),
            "model_name: model 'mmoe' is not loaded (loaded: dbmtl)"),
        Arguments.of(
            request(knownUser(), "channel", ids).setRequestId("r".repeat(129)),
            "request_id: longer than 128"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void badInputIsInvalidArgumentNamingTheField(RankRequest.Builder request, String description) {
    assertThatThrownBy(() -> stub.rank(request.build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).startsWith(description);
            });
  }
}
