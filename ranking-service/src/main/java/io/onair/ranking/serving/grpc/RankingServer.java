package io.onair.ranking.serving.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.onair.metrics.GrpcMetricsInterceptor;
import io.onair.metrics.ServiceMetrics;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.rank.Ranker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * <p>Thread-safe: {@link #serve} and {@link #close} may be called from any thread.
 */
public final class RankingServer implements AutoCloseable {
  private static final System.Logger log = System.getLogger(RankingServer.class.getName());
  static final String SERVICE = RankingServiceGrpc.SERVICE_NAME;
  private static final long GRACE_SECONDS = 5;

  private final RankerSlot slot = new RankerSlot();
  private final HealthStatusManager health = new HealthStatusManager();
  private final ServiceMetrics metrics;
  private final ThreadPoolExecutor executor;
  private final Server server;

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
    // Calls run on a bounded, named pool rather than grpc's default unbounded cached pool: scoring
    // is CPU-bound, so more threads than cores only make every call late; a burst queues, and a
    // burst beyond the queue is refused (RESOURCE_EXHAUSTED at the client) instead of piling up.
    this.executor = callExecutor(config.serverThreads(), config.serverQueue());
    health.setStatus("", ServingStatus.NOT_SERVING);
    health.setStatus(SERVICE, ServingStatus.NOT_SERVING);
    try {
      this.server =
          NettyServerBuilder.forAddress(address)
              .executor(executor)
              .addService(
                  ServerInterceptors.intercept(
                      new RankingGrpcService(slot, metrics),
                      new ErrorMapping(),
                      new GrpcMetricsInterceptor(metrics)))
              .addService(health.getHealthService())
              .addService(ProtoReflectionServiceV1.newInstance())
              .build()
              .start();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
  }

  private static ThreadPoolExecutor callExecutor(int threads, int queue) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "ranking-grpc-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            factory,
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** Where this server records its metrics (serve them with a {@code MetricsHttpServer}). */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** Starts answering with {@code ranker} (its models loaded and warm) and reports SERVING. */
  public void serve(Ranker ranker) {
    slot.set(ranker);
    health.setStatus(SERVICE, ServingStatus.SERVING);
    health.setStatus("", ServingStatus.SERVING);
  }

  /** Blocks until the server has terminated. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
        log.log(System.Logger.Level.WARNING, "calls still running after the grace period; forcing");
        server.shutdownNow();
        server.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      executor.shutdownNow();
    }
  }
}
