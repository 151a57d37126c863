package io.onair.cli.ranking;

import io.onair.cli.options.FeatureStoreOptions;
import io.onair.cli.options.Ports;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.metrics.MetricsHttpServer;
import io.onair.ranking.serving.RankingRuntime;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.config.RankingConfigLoader;
import io.onair.ranking.serving.grpc.RankingServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair serve ranking}: the RankingService over gRPC. */
@Command(
    name = "ranking",
    mixinStandardHelpOptions = true,
    description = {
      "Serves onair.v1.RankingService (with health and reflection). It listens at once and",
      "reports NOT_SERVING until the models are loaded and warm; it hot-reloads a model when",
      "ARTIFACTS/ranking/NAME/CURRENT names a new version (onair train writes one); Ctrl-C shuts",
      "it down gracefully. Without --redis, features are loaded into memory from --data."
    })
public final class ServeRankingCommand implements Callable<Integer> {
  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where onair train exported ranking/NAME/.")
  Path artifacts;

  @Mixin FeatureStoreOptions features;

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset for in-memory features.")
  Path data;

  @Option(
      names = "--port",
      defaultValue = "9092",
      paramLabel = "P",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--metrics-port",
      defaultValue = "9192",
      paramLabel = "P",
      description = "HTTP port of GET /metrics, Prometheus format (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Ranking configuration (JSON, docs/ranking-service.md).")
  Path config;

  @Override
  public Integer call() throws Exception {
    Ports.check("--port", port);
    Ports.check("--metrics-port", metricsPort);
    if (features.inMemory() && data == null) {
      throw new IllegalArgumentException("give --redis URL or --data DIR for the features");
    }
    RankingConfig rankingConfig = RankingConfigLoader.load(config);
    System.err.println("ranking configuration: " + rankingConfig);
    CountDownLatch stopped = new CountDownLatch(1);
    RankingServer server = new RankingServer(new InetSocketAddress(port), rankingConfig);
    MetricsHttpServer metricsServer;
    try {
      metricsServer = new MetricsHttpServer(new InetSocketAddress(metricsPort), server.metrics());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    System.err.println(
        "ranking listening on port "
            + server.port()
            + " (NOT_SERVING while loading), metrics on http://0.0.0.0:"
            + metricsServer.port()
            + "/metrics");
    RankingRuntime runtime;
    try {
      runtime =
          RankingRuntime.load(
              artifacts,
              features.redis(),
              features.namespace(),
              data,
              rankingConfig,
              server.metrics(),
              new ConsoleProgress(System.err));
    } catch (RuntimeException e) {
      metricsServer.close();
      server.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("ranking shutting down");
                  server.close();
                  metricsServer.close();
                  runtime.close();
                  stopped.countDown();
                },
                "ranking-shutdown"));
    server.serve(runtime.ranker());
    for (String name : runtime.registry().names()) {
      System.err.println(
          "ranking SERVING on port "
              + server.port()
              + ": model "
              + name
              + " version "
              + runtime.registry().version(name));
    }
    stopped.await();
    return 0;
  }
}
