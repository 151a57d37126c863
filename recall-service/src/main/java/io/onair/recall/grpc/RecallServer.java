package io.onair.recall.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.onair.metrics.GrpcMetricsInterceptor;
import io.onair.metrics.ServiceMetrics;
import io.onair.proto.v1.RecallServiceGrpc;
import io.onair.recall.engine.BoundedExecutors;
import io.onair.recall.engine.RecallEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The recall gRPC server: RecallService, health ({@code grpc.health.v1}) and reflection. It listens
 * at once and reports NOT_SERVING until {@link #serve(RecallEngine)} hands it a loaded, warmed
 * engine; calls before that get UNAVAILABLE. {@link #close()} shuts down gracefully: health to
 * NOT_SERVING (terminal), stop accepting calls, wait for running calls, then force.
 *
 * <p>Thread-safe: {@link #serve} and {@link #close} may be called from any thread.
 */
public final class RecallServer implements AutoCloseable {
  private static final System.Logger log = System.getLogger(RecallServer.class.getName());
  static final String SERVICE = RecallServiceGrpc.SERVICE_NAME;
  private static final long GRACE_SECONDS = 5;

  private final EngineSlot slot = new EngineSlot();
  private final HealthStatusManager health = new HealthStatusManager();
  private final ExecutorService executor;
  private final ServiceMetrics metrics;
  private final Server server;

  /**
   * Starts listening.
   *
   * @param address where to listen (port 0 picks a free port)
   * @param threads the size of the call executor
   */
  public RecallServer(InetSocketAddress address, int threads) {
    this(address, threads, new ServiceMetrics("recall"));
  }

  /**
   * Starts listening, recording calls, stages, degradations and dropped routes into {@code
   * metrics}.
   */
  public RecallServer(InetSocketAddress address, int threads, ServiceMetrics metrics) {
    requireNonNull(address, "address is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    // Calls run on a bounded, named pool rather than grpc's default unbounded cached pool: a
    // burst of calls must queue (each call itself fans out to the bounded route pool) instead of
    // starting one thread per call, which on a small machine only makes every call late.
    this.executor = BoundedExecutors.create("recall-grpc", threads, 10_000);
    health.setStatus("", ServingStatus.NOT_SERVING);
    health.setStatus(SERVICE, ServingStatus.NOT_SERVING);
    try {
      this.server =
          NettyServerBuilder.forAddress(address)
              .executor(executor)
              .addService(
                  ServerInterceptors.intercept(
                      new RecallGrpcService(slot, metrics),
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

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** The metrics this server records into. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** Starts answering with {@code engine} and reports SERVING. */
  public void serve(RecallEngine engine) {
    slot.set(engine);
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
