package io.onair.cli.gateway;

import io.onair.cli.options.FeatureStoreOptions;
import io.onair.cli.options.Ports;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.features.FeatureStore;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.config.GatewayConfigLoader;
import io.onair.gateway.grpc.GatewayServer;
import io.onair.metrics.MetricsHttpServer;
import io.onair.metrics.ServiceMetrics;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair serve gateway}: GatewayService and EventService over gRPC. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    resourceBundle = "io.onair.cli.gateway.ServeGatewayCommand",
    description = {
      "Serves onair.v1.GatewayService (Recommend) and onair.v1.EventService (Send, Stream) on one",
      "port, with health and reflection, in front of a recall and a ranking service. Reads the",
      "relations artifact (scenarios, popular fallback) from --artifacts. With --redis, events",
      "reach recall and ranking through Redis; without, features are loaded into this process's",
      "memory (events then only affect the gateway's own filters; use serve all or Redis)."
    })
public final class ServeGatewayCommand implements Callable<Integer> {
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
      names = "--recall",
      defaultValue = "127.0.0.1:9091",
      paramLabel = "HOST:PORT",
      description = "The recall service (default: ${DEFAULT-VALUE}).")
  String recall;

  @Option(
      names = "--ranking",
      defaultValue = "127.0.0.1:9092",
      paramLabel = "HOST:PORT",
      description = "The ranking service (default: ${DEFAULT-VALUE}).")
  String ranking;

  @Option(
      names = "--port",
      defaultValue = "9090",
      paramLabel = "P",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--metrics-port",
      defaultValue = "9190",
      paramLabel = "P",
      description = "HTTP port of GET /metrics, Prometheus format (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(names = "--config", paramLabel = "FILE", description = "Gateway configuration (JSON).")
  Path config;

  @Override
  public Integer call() throws Exception {
    Ports.check("--port", port);
    Ports.check("--metrics-port", metricsPort);
    GatewayConfig gatewayConfig = GatewayConfigLoader.load(config);
    System.err.println("gateway configuration: " + gatewayConfig);
    Relations relations = RelationsArtifacts.read(artifacts);
    FeatureStore store =
        features.openForServing(
            features.config(gatewayConfig.exposureWindowSeconds()),
            data,
            () -> relations,
            new ConsoleProgress(System.err));
    ServiceMetrics metrics = new ServiceMetrics("gateway");
    GatewayServer server;
    MetricsHttpServer metricsServer;
    try {
      server =
          new GatewayServer(
              new InetSocketAddress(port),
              gatewayConfig,
              store,
              relations,
              GatewayServer.channel(recall),
              GatewayServer.channel(ranking),
              metrics,
              Clock.systemUTC());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      metricsServer = new MetricsHttpServer(new InetSocketAddress(metricsPort), metrics);
    } catch (RuntimeException e) {
      server.close();
      store.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("gateway shutting down");
                  server.close();
                  metricsServer.close();
                  store.close();
                  stopped.countDown();
                },
                "gateway-shutdown"));
    System.err.println(
        "gateway SERVING on port "
            + server.port()
            + " (recall "
            + recall
            + ", ranking "
            + ranking
            + "), metrics on http://0.0.0.0:"
            + metricsServer.port()
            + "/metrics");
    stopped.await();
    return 0;
  }
}
