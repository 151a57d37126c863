package io.onair.recall.grpc;

import static java.util.Objects.requireNonNull;

import io.onair.metrics.GrpcMetricsInterceptor;
import io.onair.metrics.ServiceMetrics;
import io.onair.proto.v1.RecallServiceGrpc;
import io.onair.recall.engine.RecallEngine;
import io.onair.server.ErrorStatusMapping;
import io.onair.server.ServiceServer;
import java.net.InetSocketAddress;

/**
 * The recall gRPC server: RecallService, health ({@code grpc.health.v1}) and reflection, on a
 * {@link ServiceServer}. It listens at once and reports NOT_SERVING until {@link
 * #serve(RecallEngine)} hands it a loaded, warmed engine; calls before that get UNAVAILABLE. {@link
 * #close()} shuts down gracefully: health to NOT_SERVING (terminal), stop accepting calls, wait for
 * running calls, then force.
 *
 * <p>Thread-safe: {@link #serve} and {@link #close} may be called from any thread; {@link #close}
 * more than once.
 */
public final class RecallServer implements AutoCloseable {
  static final String SERVICE = RecallServiceGrpc.SERVICE_NAME;

  private final EngineSlot slot = new EngineSlot();
  private final ServiceMetrics metrics;
  private final ServiceServer server;

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
    this.server =
        ServiceServer.builder(address)
            // Calls run on a bounded, named pool rather than grpc's default unbounded cached pool:
            // a burst of calls must queue (each call itself fans out to the bounded route pool)
            // instead of starting one thread per call, which on a small machine only makes every
            // call late.
            .executor("recall-grpc", threads, 10_000)
            .service(
                new RecallGrpcService(slot, metrics),
                new ErrorStatusMapping("recall"),
                new GrpcMetricsInterceptor(metrics))
            .health(SERVICE)
            .start();
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The metrics this server records into. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** Starts answering with {@code engine} and reports SERVING. */
  public void serve(RecallEngine engine) {
    slot.set(engine);
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
