package io.onair.gateway.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.features.FeatureStore;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.events.EventIngestor;
import io.onair.gateway.events.EventValidator;
import io.onair.gateway.recommend.PopularAnchors;
import io.onair.gateway.recommend.RecommendPipeline;
import io.onair.gateway.recommend.RequestValidator;
import io.onair.metrics.GrpcMetricsInterceptor;
import io.onair.metrics.ServiceMetrics;
import io.onair.proto.v1.EventServiceGrpc;
import io.onair.proto.v1.GatewayServiceGrpc;
import io.onair.relations.Relations;
import io.onair.server.ErrorStatusMapping;
import io.onair.server.ServiceServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The gateway gRPC server: {@code onair.v1.GatewayService} (Recommend) and {@code
 * onair.v1.EventService} (Send, Stream) on one port, with health ({@code grpc.health.v1}) and
 * reflection. Everything it needs is loaded before it is built (the relations artifact for the
 * scenarios and the popular fallback, an open feature store, channels to recall and ranking), so it
 * reports SERVING as soon as it listens; it does not wait for recall or ranking, whose failures it
 * answers with fallbacks.
 *
 * <p>Wiring, as {@code onair serve gateway} and {@code onair serve all} do it:
 *
 * <pre>{@code
 * GatewayServer gateway = new GatewayServer(
 *     new InetSocketAddress(9090), GatewayConfig.defaults(), store, relations,
 *     GatewayServer.channel("127.0.0.1:9091"), GatewayServer.channel("127.0.0.1:9092"),
 *     new ServiceMetrics("gateway"), Clock.systemUTC());
 * ...
 * gateway.close(); // graceful; also shuts down both channels
 * }</pre>
 *
 * <p>Built on a {@link ServiceServer}. The server takes ownership of the two channels ({@link
 * #close()} shuts them down), not of the feature store (its opener closes it). Thread-safe: {@link
 * #close()} may be called from any thread, more than once.
 */
public final class GatewayServer implements AutoCloseable {
  /** How long an event write may wait for the store before Send answers UNAVAILABLE. */
  private static final long EVENT_WRITE_TIMEOUT_MILLIS = 5_000;

  private final ManagedChannel recallChannel;
  private final ManagedChannel rankingChannel;
  private final ServiceMetrics metrics;
  private final ServiceServer server;
  private final RecommendPipeline pipeline;

  /**
   * Builds the gateway and starts listening.
   *
   * @param address where to listen (port 0 picks a free port)
   * @param config the gateway configuration
   * @param store the feature store events are written to and exposures and live sets read from
   * @param relations the relations artifact recall serves (scenarios, popularity, window)
   * @param recallChannel a channel to {@code onair.v1.RecallService}; owned from now on
   * @param rankingChannel a channel to {@code onair.v1.RankingService}; owned from now on
   * @param metrics where calls, stages, fallbacks, dropped routes and the model version go
   * @param clock the wall clock for {@code request_time = 0} and event times
   */
  public GatewayServer(
      InetSocketAddress address,
      GatewayConfig config,
      FeatureStore store,
      Relations relations,
      ManagedChannel recallChannel,
      ManagedChannel rankingChannel,
      ServiceMetrics metrics,
      Clock clock) {
    requireNonNull(address, "address is null");
    requireNonNull(config, "config is null");
    requireNonNull(store, "store is null");
    requireNonNull(relations, "relations is null");
    this.recallChannel = requireNonNull(recallChannel, "recallChannel is null");
    this.rankingChannel = requireNonNull(rankingChannel, "rankingChannel is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    requireNonNull(clock, "clock is null");
    Set<String> scenarios = new HashSet<>(relations.scenarios());
    this.pipeline =
        new RecommendPipeline(
            config,
            new RequestValidator(config, scenarios, clock),
            store,
            relations.alwaysLive(),
            new GrpcRecallClient(recallChannel),
            new GrpcRankingClient(rankingChannel),
            new PopularAnchors(relations),
            metrics,
            System::nanoTime);
    EventIngestor events =
        new EventIngestor(
            store,
            new EventValidator(scenarios),
            relations.window().holdoutStart(),
            clock,
            EVENT_WRITE_TIMEOUT_MILLIS);
    // failures on the gateway's side (a store or a downstream unreachable, a bug) are worth a
    // warning in the log; bad requests and deadlines are not
    ErrorStatusMapping errors =
        new ErrorStatusMapping(
            "gateway", EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.INTERNAL));
    GrpcMetricsInterceptor counted = new GrpcMetricsInterceptor(metrics);
    this.server =
        ServiceServer.builder(address)
            // Calls run on a bounded, named pool rather than grpc's default unbounded cached pool:
            // each Recommend blocks its thread on recall and ranking, so a burst must queue (and
            // past the queue be refused) instead of starting one thread per call, which on a small
            // machine only makes every call late.
            .executor("gateway-grpc", config.serverThreads(), 10_000)
            .service(new GatewayGrpcService(pipeline), errors, counted)
            .service(new EventGrpcService(events, errors), errors, counted)
            .health(GatewayServiceGrpc.SERVICE_NAME, EventServiceGrpc.SERVICE_NAME)
            .start();
    // everything the services need is loaded above: serving from the start
    server.setServing();
  }

  /**
   * A plaintext channel to {@code target} ({@code host:port}, or {@code dns:///name:port} to
   * resolve every address of a headless Kubernetes Service), as the gateway uses to reach recall
   * and ranking. Calls are balanced round-robin over the resolved addresses: one long-lived HTTP/2
   * connection per address, instead of every call going to the first one.
   */
  public static ManagedChannel channel(String target) {
    requireNonNull(target, "target is null");
    return NettyChannelBuilder.forTarget(target)
        .defaultLoadBalancingPolicy("round_robin")
        .usePlaintext()
        .build();
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The metrics this server records into. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** Blocks until the server has terminated. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Shuts down gracefully: health to NOT_SERVING (terminal), stop accepting calls, wait for running
   * calls up to a grace period, then force; then the executor and the two channels.
   */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      recallChannel.shutdownNow();
      rankingChannel.shutdownNow();
    }
  }
}
