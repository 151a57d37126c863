package io.onair.cli.serve;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.features.memory.InMemoryFeatureStore;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.grpc.GatewayServer;
import io.onair.metrics.MetricsHttpServer;
import io.onair.metrics.ServiceMetrics;
import io.onair.ranking.serving.RankingRuntime;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.grpc.RankingServer;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.engine.RecallRuntime;
import io.onair.recall.grpc.RecallServer;
import io.onair.recall.vector.UserVectorLoader;
import io.onair.recall.vector.VectorArtifacts;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The three services in one process, talking real gRPC on loopback: recall, ranking and the gateway
 * (with the event service), over one feature store, with one metrics endpoint. What {@code onair
 * serve all}, {@code onair quickstart} and {@code onair bench e2e} run. In production each service
 * runs on its own (deploy/); here they share the store, so events the gateway receives are seen by
 * recall and ranking at once, as they would be through a shared Redis.
 *
 * <p>{@link #start} returns once every service is loaded and SERVING. {@link #close()} shuts them
 * down in reverse order (the gateway first, so no call reaches a closed upstream), each gracefully.
 * It does not close the store. Thread-safe.
 */
public final class ServingStack implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  /**
   * Where and how to serve.
   *
   * @param artifacts the artifacts directory (relations/, ranking/)
   * @param recall recall's configuration
   * @param ranking ranking's configuration
   * @param gateway the gateway's configuration
   * @param gatewayPort the gateway's port (0 = any free port)
   * @param recallPort recall's port (0 = any free port)
   * @param rankingPort ranking's port (0 = any free port)
   * @param metricsPort the port of {@code GET /metrics} for the three services; -1 = no endpoint
   * @param bindAddress where the gateway and the metrics endpoint listen ("0.0.0.0" for every
   *     interface); recall and ranking listen on loopback only
   */
  public record Settings(
      Path artifacts,
      RecallConfig recall,
      RankingConfig ranking,
      GatewayConfig gateway,
      int gatewayPort,
      int recallPort,
      int rankingPort,
      int metricsPort,
      String bindAddress) {
    public Settings {
      requireNonNull(artifacts, "artifacts is null");
      requireNonNull(recall, "recall is null");
      requireNonNull(ranking, "ranking is null");
      requireNonNull(gateway, "gateway is null");
      requireNonNull(bindAddress, "bindAddress is null");
      port("gateway port", gatewayPort);
      port("recall port", recallPort);
      port("ranking port", rankingPort);
      if (metricsPort != -1) {
        port("metrics port", metricsPort);
      }
    }

    /** Every service on a free loopback port, default configurations, no metrics endpoint. */
    public static Settings loopback(Path artifacts) {
      return new Settings(
          artifacts,
          RecallConfig.defaults(),
          RankingConfig.defaults(),
          GatewayConfig.defaults(),
          0,
          0,
          0,
          -1,
          LOOPBACK);
    }

    private static void port(String name, int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(name + " must be 0 to 65535, got " + port);
      }
    }
  }

  private final Deque<AutoCloseable> opened;
  private final RecallServer recall;
  private final RankingServer ranking;
  private final RankingRuntime rankingRuntime;
  private final GatewayServer gateway;
  private final MetricsHttpServer metrics;
  private final Relations relations;

  private ServingStack(
      Deque<AutoCloseable> opened,
      RecallServer recall,
      RankingServer ranking,
      RankingRuntime rankingRuntime,
      GatewayServer gateway,
      MetricsHttpServer metrics,
      Relations relations) {
    this.opened = opened;
    this.recall = recall;
    this.ranking = ranking;
    this.rankingRuntime = rankingRuntime;
    this.gateway = gateway;
    this.metrics = metrics;
    this.relations = relations;
  }

  /**
   * Loads the relations and the ranking models from {@code settings.artifacts()} and starts the
   * three services over {@code store} (which stays the caller's to close).
   */
  public static ServingStack start(Settings settings, FeatureStore store) {
    requireNonNull(settings, "settings is null");
    requireNonNull(store, "store is null");
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      Relations relations = RelationsArtifacts.read(settings.artifacts());
      // one registry: the endpoint then shows each metric once, its series told apart by service
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ServiceMetrics recallMetrics = new ServiceMetrics("recall", registry);
      ServiceMetrics rankingMetrics = new ServiceMetrics("ranking", registry);
      ServiceMetrics gatewayMetrics = new ServiceMetrics("gateway", registry);

      RecallServer recall =
          push(
              opened,
              new RecallServer(
                  new InetSocketAddress(LOOPBACK, settings.recallPort()),
                  settings.recall().serverThreads(),
                  recallMetrics));
      // Vector routes when the artifacts hold pretrained vectors. An embedded store is filled
      // with the user vectors here (as with the dataset's features); a Redis store got them from
      // onair features load.
      Optional<VectorArtifacts> vectors = VectorArtifacts.load(settings.artifacts());
      if (vectors.isPresent() && store instanceof InMemoryFeatureStore) {
        UserVectorLoader.load(vectors.get().vectors(), store, Progress.NONE);
      }
      RecallRuntime recallRuntime =
          push(
              opened,
              RecallRuntime.create(
                  settings.recall(), relations, store, false, Clock.systemUTC(), vectors));
      recall.serve(recallRuntime.engine());

      RankingServer ranking =
          push(
              opened,
              new RankingServer(
                  new InetSocketAddress(LOOPBACK, settings.rankingPort()),
                  settings.ranking(),
                  rankingMetrics));
      RankingRuntime rankingRuntime =
          push(
              opened,
              RankingRuntime.load(settings.artifacts(), store, settings.ranking(), rankingMetrics));
      ranking.serve(rankingRuntime.ranker());

      GatewayServer gateway =
          push(
              opened,
              new GatewayServer(
                  new InetSocketAddress(settings.bindAddress(), settings.gatewayPort()),
                  settings.gateway(),
                  store,
                  relations,
                  GatewayServer.channel(LOOPBACK + ":" + recall.port()),
                  GatewayServer.channel(LOOPBACK + ":" + ranking.port()),
                  gatewayMetrics,
                  Clock.systemUTC()));
      MetricsHttpServer metrics =
          settings.metricsPort() < 0
              ? null
              : push(
                  opened,
                  new MetricsHttpServer(
                      new InetSocketAddress(settings.bindAddress(), settings.metricsPort()),
                      gatewayMetrics,
                      recallMetrics,
                      rankingMetrics));
      return new ServingStack(opened, recall, ranking, rankingRuntime, gateway, metrics, relations);
    } catch (RuntimeException e) {
      closeAll(opened, e);
      throw e;
    }
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T resource) {
    opened.push(resource);
    return resource;
  }

  public int gatewayPort() {
    return gateway.port();
  }

  public int recallPort() {
    return recall.port();
  }

  public int rankingPort() {
    return ranking.port();
  }

  /** The metrics endpoint's port, or -1 when there is none. */
  public int metricsPort() {
    return metrics == null ? -1 : metrics.port();
  }

  /** The relations recall serves (the data window, the scenarios). */
  public Relations relations() {
    return relations;
  }

  /** The loaded ranking models (their versions; {@code reload()} for a new export). */
  public RankingRuntime ranking() {
    return rankingRuntime;
  }

  /** Stops the ranking server alone (the gateway then answers in recall order). */
  public void stopRanking() {
    synchronized (opened) {
      if (opened.remove(ranking)) {
        ranking.close();
      }
    }
  }

  @Override
  public void close() {
    synchronized (opened) {
      closeAll(opened, null);
    }
  }

  private static void closeAll(Deque<AutoCloseable> opened, RuntimeException failure) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failure != null) {
          failure.addSuppressed(e);
        } else {
          System.getLogger(ServingStack.class.getName())
              .log(System.Logger.Level.WARNING, "closing a service failed", e);
        }
      }
    }
  }
}
