package io.onair.cli.serve;

import io.onair.cli.options.FeatureStoreOptions;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.features.FeatureStore;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.config.GatewayConfigLoader;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.config.RankingConfigLoader;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.config.RecallConfigLoader;
import io.onair.relations.RelationsArtifacts;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair serve all}: recall, ranking and the gateway in one process over loopback gRPC. */
@Command(
    name = "all",
    mixinStandardHelpOptions = true,
    resourceBundle = "io.onair.cli.serve.ServeAllCommand",
    description = {
      "Serves the gateway (GatewayService, EventService), recall and ranking in one process; they",
      "talk real gRPC on loopback and share one feature store. Without --redis, features are",
      "loaded into memory from the dataset the relations were built from (or --data). One",
      "metrics endpoint shows the three services. Ctrl-C shuts them down gracefully."
    })
public final class ServeAllCommand implements Callable<Integer> {
  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where onair relations and onair train wrote relations/ and ranking/.")
  Path artifacts;

  @Mixin FeatureStoreOptions features;

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset for in-memory features.")
  Path data;

  @Option(
      names = "--port",
      defaultValue = "9090",
      paramLabel = "P",
      description = "The gateway's port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--recall-port",
      defaultValue = "9091",
      paramLabel = "P",
      description = "Recall's loopback port (default: ${DEFAULT-VALUE}).")
  int recallPort;

  @Option(
      names = "--ranking-port",
      defaultValue = "9092",
      paramLabel = "P",
      description = "Ranking's loopback port (default: ${DEFAULT-VALUE}).")
  int rankingPort;

  @Option(
      names = "--metrics-port",
      defaultValue = "9190",
      paramLabel = "P",
      description = "HTTP port of GET /metrics for the three services (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(names = "--recall-config", paramLabel = "FILE", description = "Recall configuration.")
  Path recallConfig;

  @Option(names = "--ranking-config", paramLabel = "FILE", description = "Ranking configuration.")
  Path rankingConfig;

  @Option(names = "--gateway-config", paramLabel = "FILE", description = "Gateway configuration.")
  Path gatewayConfig;

  @Override
  public Integer call() throws Exception {
    RecallConfig recall = RecallConfigLoader.load(recallConfig);
    RankingConfig ranking = RankingConfigLoader.load(rankingConfig);
    GatewayConfig gateway = GatewayConfigLoader.load(gatewayConfig);
    System.err.println("recall configuration: " + recall);
    System.err.println("ranking configuration: " + ranking);
    System.err.println("gateway configuration: " + gateway);
    ServingStack.Settings settings =
        new ServingStack.Settings(
            artifacts,
            recall,
            ranking,
            gateway,
            port,
            recallPort,
            rankingPort,
            metricsPort,
            "0.0.0.0");
    // One store for the three services, with the gateway's exposure window.
    FeatureStore store =
        features.openForServing(
            features.config(gateway.exposureWindowSeconds()),
            data,
            () -> RelationsArtifacts.read(artifacts),
            new ConsoleProgress(System.err));
    ServingStack stack;
    try {
      stack = ServingStack.start(settings, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("shutting down");
                  stack.close();
                  store.close();
                  stopped.countDown();
                },
                "serve-all-shutdown"));
    System.err.printf(
        "SERVING: gateway on port %d (recall %d, ranking %d on loopback), metrics on"
            + " http://0.0.0.0:%d/metrics%n",
        stack.gatewayPort(), stack.recallPort(), stack.rankingPort(), stack.metricsPort());
    stopped.await();
    return 0;
  }
}
