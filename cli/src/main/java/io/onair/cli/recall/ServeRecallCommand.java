package io.onair.cli.recall;

import io.onair.cli.options.FeatureStoreOptions;
import io.onair.cli.options.Ports;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.metrics.MetricsHttpServer;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.config.RecallConfigLoader;
import io.onair.recall.engine.RecallRuntime;
import io.onair.recall.grpc.RecallServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair serve recall}: the RecallService over gRPC. */
@Command(
    name = "recall",
    mixinStandardHelpOptions = true,
    description = {
      "Serves onair.v1.RecallService (with health and reflection). It listens at once and reports",
      "NOT_SERVING until the relations and features are loaded; Ctrl-C shuts it down gracefully.",
      "Without --redis, features are loaded into memory from the dataset the relations were built",
      "from (or --data)."
    })
public final class ServeRecallCommand implements Callable<Integer> {
  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where onair relations wrote relations/.")
  Path artifacts;

  @Mixin FeatureStoreOptions features;

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset for in-memory features.")
  Path data;

  @Option(
      names = "--port",
      defaultValue = "9091",
      paramLabel = "P",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--metrics-port",
      defaultValue = "9191",
      paramLabel = "P",
      description = "HTTP port of GET /metrics, Prometheus format (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(names = "--config", paramLabel = "FILE", description = "Recall configuration (JSON).")
  Path config;

  @Override
  public Integer call() throws Exception {
    Ports.check("--port", port);
    Ports.check("--metrics-port", metricsPort);
    RecallConfig recallConfig = RecallConfigLoader.load(config);
    System.err.println("recall configuration: " + recallConfig);
    CountDownLatch stopped = new CountDownLatch(1);
    RecallServer server =
        new RecallServer(new InetSocketAddress(port), recallConfig.serverThreads());
    MetricsHttpServer metricsServer;
    try {
      metricsServer = new MetricsHttpServer(new InetSocketAddress(metricsPort), server.metrics());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    System.err.println(
        "recall listening on port "
            + server.port()
            + " (NOT_SERVING while loading), metrics on http://0.0.0.0:"
            + metricsServer.port()
            + "/metrics");
    RecallRuntime runtime;
    try {
      runtime =
          RecallRuntime.load(
              artifacts,
              features.redis(),
              features.namespace(),
              data,
              recallConfig,
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
                  System.err.println("recall shutting down");
                  server.close();
                  metricsServer.close();
                  runtime.close();
                  stopped.countDown();
                },
                "recall-shutdown"));
    server.serve(runtime.engine());
    System.err.println("recall SERVING on port " + server.port());
    stopped.await();
    return 0;
  }
}
