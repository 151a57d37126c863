package io.onair.ranking.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.proto.v1.RankCandidate;
import io.onair.proto.v1.RankRequest;
import io.onair.proto.v1.RankResponse;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.ranking.export.ModelArtifacts;
import io.onair.ranking.serving.RankingRuntime;
import io.onair.ranking.serving.TinyRankingWorld;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.train.RankingTrainer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot-reload acceptance test: at least 1,000 Rank calls from four client threads over
 * real gRPC while the model is exported and swapped twice by the registry's own poller. No call
 * fails, the version in the answers changes, and the replaced bundles are closed. Then a broken
 * export is refused and the serving version stays.
 */
class HotReloadTest {
  private static final int CLIENTS = 4;
  private static final int MIN_REQUESTS = 1000;

  @TempDir Path artifacts;

  @Test
  void swapsTwiceUnderLoadWithoutAFailedCall() throws Exception {
    TinyRankingWorld world = TinyRankingWorld.get();
    RankingConfig config = RankingConfig.defaults().withReloadIntervalMillis(50);
    FeatureStore store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
    DatasetFeatureLoader.load(world.dataset, world.window, store, Progress.NONE);
    List<String> versions = new ArrayList<>();
    RankingTrainer.Outcome outcome = world.train();
    try (var ranker = outcome.ranker()) {
      versions.add(world.exportNewVersion(artifacts, TinyRankingWorld.MODEL, outcome).version());
      RankingServer server = new RankingServer(new InetSocketAddress("127.0.0.1", 0), config);
      RankingRuntime runtime = RankingRuntime.load(artifacts, store, config, server.metrics());
      server.serve(runtime.ranker());
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean swapsDone = new AtomicBoolean();
        // the clients stop once both swaps are done and this many calls were sent; after the last
        // swap it rises so that calls reach the last version too
        AtomicInteger enough = new AtomicInteger(MIN_REQUESTS);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> seenInOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          Thread thread =
              new Thread(
                  () -> {
                    var stub = RankingServiceGrpc.newBlockingStub(channel);
                    int i = 0;
                    while (!(swapsDone.get() && sent.get() >= enough.get())) {
                      try {
                        RankResponse response =
                            stub.withDeadlineAfter(60, TimeUnit.SECONDS)
                                .rank(request(world, client * 10_000 + i++));
                        if (response.getResultsCount() != 20
                            || response.getResults(19).getPredictionsCount()
                                != world.dataset.targets().size()) {
                          throw new AssertionError("incomplete answer: " + response);
                        }
                        synchronized (seenInOrder) {
                          if (seen.add(response.getModel().getVersion())) {
                            seenInOrder.add(response.getModel().getVersion());
                          }
                        }
                      } catch (Throwable e) {
                        failures.add(e);
                      }
                      sent.incrementAndGet();
                    }
                  },
                  "hot-reload-client-" + c);
          thread.start();
          clients.add(thread);
        }
        waitFor(() -> sent.get() >= 100 || !failures.isEmpty());
        versions.add(world.exportNewVersion(artifacts, TinyRankingWorld.MODEL, outcome).version());
        waitFor(() -> runtime.registry().version(TinyRankingWorld.MODEL).equals(versions.get(1)));
        int afterFirst = sent.get();
        waitFor(() -> sent.get() >= afterFirst + 100 || !failures.isEmpty());
        versions.add(world.exportNewVersion(artifacts, TinyRankingWorld.MODEL, outcome).version());
        waitFor(() -> runtime.registry().version(TinyRankingWorld.MODEL).equals(versions.get(2)));
        enough.set(Math.max(MIN_REQUESTS, sent.get() + 100));
        swapsDone.set(true);
        for (Thread thread : clients) {
          thread.join(TimeUnit.MINUTES.toMillis(5));
        }

        assertThat(failures).as("failed calls").isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(MIN_REQUESTS);
        assertThat(new LinkedHashSet<>(versions)).hasSize(3);
        assertThat(seen).as("versions in the answers").containsAll(versions);
        assertThat(seenInOrder)
            .as("versions in the order they were swapped in")
            .isEqualTo(versions);
        assertThat(runtime.registry().openBundles())
            .as("the two replaced bundles are closed once their calls finished")
            .isEqualTo(1);

        // a broken export is refused; the serving version stays and keeps answering
        Path modelDirectory = ModelArtifacts.modelDirectory(artifacts, TinyRankingWorld.MODEL);
        String broken = "20000101T000000.000Z-00000000";
        Path brokenDirectory = ModelArtifacts.versionDirectory(modelDirectory, broken);
        Files.createDirectories(brokenDirectory.resolve("saved-model"));
        Files.writeString(brokenDirectory.resolve("model-card.json"), "{\"not\": \"a card\"}");
        // replaced atomically, as an export does: the poller runs meanwhile and must never read
        // a half-written pointer (that would count as a second failed reload)
        Path pointer = modelDirectory.resolve(ModelArtifacts.CURRENT + ".test");
        Files.writeString(pointer, broken + "\n");
        Files.move(
            pointer,
            modelDirectory.resolve(ModelArtifacts.CURRENT),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        assertThat(runtime.registry().reload()).isEmpty();
        assertThat(runtime.registry().version(TinyRankingWorld.MODEL)).isEqualTo(versions.get(2));
        assertThat(
                RankingServiceGrpc.newBlockingStub(channel)
                    .rank(request(world, 1))
                    .getModel()
                    .getVersion())
            .isEqualTo(versions.get(2));
        assertThat(server.metrics().scrape())
            .contains(
                "onair_model_reloads_total{model=\"dbmtl\",outcome=\"failed\",service=\"ranking\"}"
                    + " 1.0");
        assertThat(runtime.registry().openBundles()).isEqualTo(1);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        runtime.close();
        store.close();
      }
      assertThat(runtime.registry().openBundles()).as("every bundle closed").isZero();
    }
  }

  private static RankRequest request(TinyRankingWorld world, int seed) {
    RankRequest.Builder request =
        RankRequest.newBuilder()
            .setUserId(world.dataset.users().id(seed % world.dataset.userCount()))
            .setScenario("channel")
            .setRequestTime(world.window.holdoutStart() + seed % 86_400);
    for (int i = 0; i < 20; i++) {
      request.addCandidates(
          RankCandidate.newBuilder()
              .setAnchorId(world.dataset.anchors().id((seed + i) % world.dataset.anchorCount())));
    }
    return request.build();
  }

  /** Waits without a time assertion; a generous cap only turns a hang into a failure. */
  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long cap = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - cap > 0) {
        throw new AssertionError("condition not reached");
      }
      Thread.sleep(10);
    }
  }
}
