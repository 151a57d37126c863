package io.onair.ranking.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.HistoryKind;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.proto.v1.RankCandidate;
import io.onair.proto.v1.RankRequest;
import io.onair.proto.v1.RankResponse;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.ranking.serving.RankingRuntime;
import io.onair.ranking.serving.TinyRankingWorld;
import io.onair.ranking.serving.config.RankingConfig;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ranking service over gRPC on loopback with its features in a real Redis (ONAIR_REDIS_URL,
 * default redis://127.0.0.1:6379), in a namespace of its own that is cleared afterwards: the same
 * request gets the same predictions as with the in-memory store, and an event written to Redis (a
 * new follow) changes the next answer.
 */
class RankingServerRedisTest {
  @Test
  void servesFeaturesFromRedisLikeFromMemory() throws Exception {
    TinyRankingWorld world = TinyRankingWorld.get();
    String url = System.getenv().getOrDefault("ONAIR_REDIS_URL", "redis://127.0.0.1:6379");
    String namespace = "onair-test-ranking-" + UUID.randomUUID().toString().substring(0, 8);
    // the features' time limit is raised: this test compares what is read, and a first read on a
    // cold connection (the activity hashes and the live schedule besides the user) may take longer
    // than the 50 ms of production on a loaded machine
    RankingConfig config =
        RankingConfig.defaults().withReloadIntervalMillis(0).withFeaturesTimeLimitMillis(10_000);
    try (FeatureStore redis =
            FeatureStores.open(url, FeatureStoreConfig.defaults().withNamespace(namespace));
        FeatureStore memory = FeatureStores.open("memory", FeatureStoreConfig.defaults())) {
      try {
        DatasetFeatureLoader.load(world.dataset, world.window, redis, Progress.NONE);
        DatasetFeatureLoader.load(world.dataset, world.window, memory, Progress.NONE);
        String user = world.dataset.users().id(5);
        String anchor = world.dataset.anchors().id(11);
        RankRequest.Builder request =
            RankRequest.newBuilder()
                .setUserId(user)
                .setScenario("app")
                .setRequestTime(world.window.holdoutStart() + 600);
        for (int a = 0; a < 30; a++) {
          request.addCandidates(
              RankCandidate.newBuilder().setAnchorId(world.dataset.anchors().id(a)));
        }
        RankResponse fromRedis;
        RankResponse fromMemory;
        RankResponse afterFollow;
        try (RankingServer redisServer =
                new RankingServer(new InetSocketAddress("127.0.0.1", 0), config);
            RankingRuntime redisRuntime =
                RankingRuntime.load(world.artifacts, redis, config, redisServer.metrics());
            RankingServer memoryServer =
                new RankingServer(new InetSocketAddress("127.0.0.1", 0), config)) {
          redisServer.serve(redisRuntime.ranker());
          memoryServer.serve(
              new io.onair.ranking.serving.rank.Ranker(
                  config,
                  redisRuntime.registry(),
                  new io.onair.ranking.serving.features.UserFeatureReader(memory),
                  new io.onair.ranking.serving.features.LiveActivityReader(memory),
                  java.time.Clock.systemUTC()));
          ManagedChannel redisChannel =
              NettyChannelBuilder.forAddress("127.0.0.1", redisServer.port())
                  .usePlaintext()
                  .build();
          ManagedChannel memoryChannel =
              NettyChannelBuilder.forAddress("127.0.0.1", memoryServer.port())
                  .usePlaintext()
                  .build();
          try {
            fromRedis = RankingServiceGrpc.newBlockingStub(redisChannel).rank(request.build());
            fromMemory = RankingServiceGrpc.newBlockingStub(memoryChannel).rank(request.build());
            redis
                .putHistoryEntry(user, HistoryKind.FOLLOWS, anchor, world.window.holdoutStart())
                .join();
            afterFollow = RankingServiceGrpc.newBlockingStub(redisChannel).rank(request.build());
          } finally {
            redisChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            memoryChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
          }
        }
        assertThat(fromRedis.getDegradationFlagsList()).isEmpty();
        assertThat(fromRedis.getResultsList()).isEqualTo(fromMemory.getResultsList());
        assertThat(afterFollow.getResults(11).getPredictionsMap())
            .as("a follow written to Redis reaches the next request's features")
            .isNotEqualTo(fromRedis.getResults(11).getPredictionsMap());
      } finally {
        redis.clear().join();
      }
    }
  }
}
