package io.onair.ranking.serving.grpc;

import static java.util.Objects.requireNonNull;

import io.onair.metrics.GrpcMetricsInterceptor;
import io.onair.metrics.ServiceMetrics;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.rank.Ranker;
import io.onair.server.ErrorStatusMapping;
import io.onair.server.ServiceServer;
import java.net.InetSocketAddress;

/**
 * The ranking gRPC server: {@code onair.v1.RankingService}, health ({@code grpc.health.v1}) and
 * reflection, with call metrics.
 *
 * <p>API, for {@code onair serve ranking} and for {@code serve all} in one process:
 *
 * <pre>
 * RankingServer server = new RankingServer(new InetSocketAddress(9092), config); // listens now
 * RankingRuntime runtime = RankingRuntime.load(artifacts, store, config, server.metrics());
 * server.serve(runtime.ranker());   // SERVING from here on
 * ...
 * server.close();                   // graceful: NOT_SERVING, drain calls, stop
 * runtime.close();                  // then the models (native memory) and the reload poller
 * </pre>
 *
 * It listens at once and reports NOT_SERVING (for the empty service name and for {@code
 * onair.v1.RankingService}) until {@link #serve} hands it a ranker whose models are loaded and
 * warmed up; calls before that get UNAVAILABLE. {@link #close()} shuts down gracefully: health to
 * NOT_SERVING (terminal), stop accepting calls, wait up to 5 s for running calls, then force. It
 * does not close the ranker's models: their owner ({@code RankingRuntime}) does, after the server.
 *
 * <p>Built on a {@link ServiceServer}. Thread-safe: {@link #serve} and {@link #close} may be called
 * from any thread; {@link #close} more than once.
 */
public final class RankingServer implements AutoCloseable {
  static final String SERVICE = RankingServiceGrpc.SERVICE_NAME;

  private final RankerSlot slot = new RankerSlot();
  private final ServiceMetrics metrics;
  private final ServiceServer server;

  /** Starts listening with a metrics registry of its own ({@link #metrics()}). */
  public RankingServer(InetSocketAddress address, RankingConfig config) {
    this(address, config, new ServiceMetrics("ranking"));
  }

  /**
   * Starts listening.
   *
   * @param address where to listen (port 0 picks a free port)
   * @param config the thread settings ({@code serverThreads}, {@code serverQueue}) are read here
   * @param metrics where calls, stages, fallbacks and model versions are recorded
   */
  public RankingServer(InetSocketAddress address, RankingConfig config, ServiceMetrics metrics) {
    requireNonNull(address, "address is null");
    requireNonNull(config, "config is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.server =
        ServiceServer.builder(address)
            // Calls run on a bounded, named pool rather than grpc's default unbounded cached pool:
            // scoring is CPU-bound, so more threads than cores only make every call late; a burst
            // queues, and a burst beyond the queue is refused (RESOURCE_EXHAUSTED at the client)
            // instead of piling up.
            .executor("ranking-grpc", config.serverThreads(), config.serverQueue())
            .service(
                new RankingGrpcService(slot, metrics),
                new ErrorStatusMapping("ranking"),
                new GrpcMetricsInterceptor(metrics))
            .health(SERVICE)
            .start();
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** Where this server records its metrics (serve them with a {@code MetricsHttpServer}). */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** Starts answering with {@code ranker} (its models loaded and warm) and reports SERVING. */
  public void serve(Ranker ranker) {
    slot.set(ranker);
    server.setServing();
  }

  /** Blocks until the server has terminated. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    server.close();
  }
}
