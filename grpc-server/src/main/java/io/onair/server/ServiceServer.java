package io.onair.server;

import static java.util.Objects.requireNonNull;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lifecycle every OnAir gRPC server shares: a Netty server running its calls on a bounded,
 * named executor, with health ({@code grpc.health.v1}) and reflection next to the services.
 *
 * <pre>{@code
 * ServiceServer server = ServiceServer.builder(address)
 *     .executor("recall-grpc", threads, 10_000)
 *     .service(new RecallGrpcService(...), new ErrorStatusMapping("recall"), metricsInterceptor)
 *     .health(RecallServiceGrpc.SERVICE_NAME)
 *     .start();          // listens now, NOT_SERVING
 * server.setServing();   // once what the services need is loaded and warm
 * server.close();        // graceful
 * }</pre>
 *
 * <p>It listens as soon as {@link Builder#start()} returns and reports NOT_SERVING, for the empty
 * service name (the server as a whole) and for each name given to {@link Builder#health}, until
 * {@link #setServing()}. {@link #close()} shuts down gracefully: health to NOT_SERVING (terminal,
 * so it never says SERVING again), stop accepting calls, wait up to {@value #GRACE_SECONDS} s for
 * running calls, then force, then stop the executor. It owns the executor it creates and nothing
 * else.
 *
 * <p>Thread-safe: {@link #setServing()}, {@link #close()} and {@link #awaitTermination()} may be
 * called from any thread; {@link #close()} more than once. A {@link Builder} is not thread-safe.
 */
public final class ServiceServer implements AutoCloseable {
  private static final System.Logger log = System.getLogger(ServiceServer.class.getName());

  /** How long {@link #close()} waits for running calls, and then again after forcing them. */
  public static final long GRACE_SECONDS = 5;

  private final HealthStatusManager health;
  private final List<String> healthNames;
  private final ExecutorService executor;
  private final Server server;

  private ServiceServer(
      HealthStatusManager health,
      List<String> healthNames,
      ExecutorService executor,
      Server server) {
    this.health = health;
    this.healthNames = healthNames;
    this.executor = executor;
    this.server = server;
  }

  /** A builder for a server listening at {@code address} (port 0 picks a free port). */
  public static Builder builder(InetSocketAddress address) {
    return new Builder(address);
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /**
   * Reports SERVING for each service name given to {@link Builder#health}, then for the server as a
   * whole. Does nothing after {@link #close()}: health is terminal by then.
   */
  public void setServing() {
    for (String name : healthNames) {
      health.setStatus(name, ServingStatus.SERVING);
    }
    health.setStatus("", ServingStatus.SERVING);
  }

  /** Blocks until the server has terminated. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Shuts down gracefully: health to NOT_SERVING (terminal), stop accepting calls, wait for running
   * calls up to a grace period, then force; then the executor. Idempotent.
   */
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

  /** Collects the parts of a {@link ServiceServer}; {@link #start()} builds and starts it. */
  public static final class Builder {
    private final InetSocketAddress address;
    private final List<ServerServiceDefinition> services = new ArrayList<>();
    private final List<String> healthNames = new ArrayList<>();
    private String executorName;
    private int executorThreads;
    private int executorQueue;

    private Builder(InetSocketAddress address) {
      this.address = requireNonNull(address, "address is null");
    }

    /**
     * Calls run on {@link BoundedExecutors#create a bounded pool} of {@code threads} threads named
     * {@code name-N} with a queue of {@code queue} calls; a call beyond that is refused
     * (RESOURCE_EXHAUSTED at the client). Required.
     */
    public Builder executor(String name, int threads, int queue) {
      this.executorName = requireNonNull(name, "name is null");
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      if (queue < 1) {
        throw new IllegalArgumentException("queue must be at least 1, got " + queue);
      }
      this.executorThreads = threads;
      this.executorQueue = queue;
      return this;
    }

    /**
     * Adds {@code service}, its calls passing through {@code interceptors} as {@link
     * ServerInterceptors#intercept(BindableService, ServerInterceptor...)} orders them: the last
     * one sees a call first.
     */
    public Builder service(BindableService service, ServerInterceptor... interceptors) {
      requireNonNull(service, "service is null");
      services.add(ServerInterceptors.intercept(service, interceptors));
      return this;
    }

    /**
     * Names (usually {@code XxxServiceGrpc.SERVICE_NAME}) whose health is reported, besides the
     * empty name for the whole server; NOT_SERVING until {@link ServiceServer#setServing()}.
     */
    public Builder health(String... names) {
      for (String name : names) {
        healthNames.add(requireNonNull(name, "name is null"));
      }
      return this;
    }

    /**
     * Builds the server and starts listening, reporting NOT_SERVING.
     *
     * @throws UncheckedIOException if it cannot listen at the address
     */
    public ServiceServer start() {
      if (executorName == null) {
        throw new IllegalStateException("executor(name, threads, queue) was not called");
      }
      HealthStatusManager health = new HealthStatusManager();
      health.setStatus("", ServingStatus.NOT_SERVING);
      for (String name : healthNames) {
        health.setStatus(name, ServingStatus.NOT_SERVING);
      }
      ExecutorService executor =
          BoundedExecutors.create(executorName, executorThreads, executorQueue);
      NettyServerBuilder netty = NettyServerBuilder.forAddress(address).executor(executor);
      services.forEach(netty::addService);
      netty
          .addService(health.getHealthService())
          .addService(ProtoReflectionServiceV1.newInstance());
      try {
        return new ServiceServer(health, List.copyOf(healthNames), executor, netty.build().start());
      } catch (IOException e) {
        executor.shutdownNow();
        throw new UncheckedIOException("cannot listen on " + address, e);
      }
    }
  }
}
