package io.onair.metrics;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@code GET /metrics} (Prometheus text format) for one or more {@link ServiceMetrics} over
 * plain HTTP, on its own single named thread so that a slow scraper never takes a gRPC thread.
 * Thread-safe; {@link #close()} stops it.
 */
public final class MetricsHttpServer implements AutoCloseable {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  /** Starts listening at {@code address} (port 0 picks a free port). */
  public MetricsHttpServer(InetSocketAddress address, ServiceMetrics... services) {
    requireNonNull(address, "address is null");
    requireNonNull(services, "services is null");
    // services sharing one registry are scraped once
    PrometheusMeterRegistry[] exposed =
        Arrays.stream(services)
            .map(ServiceMetrics::registry)
            .distinct()
            .toArray(PrometheusMeterRegistry[]::new);
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "metrics-http-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.executor = Executors.newSingleThreadExecutor(factory);
    try {
      this.server = HttpServer.create(address, 16);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot listen for metrics on " + address, e);
    }
    server.createContext("/metrics", exchange -> answer(exchange, exposed));
    server.createContext("/", exchange -> notFound(exchange));
    server.setExecutor(executor);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, PrometheusMeterRegistry[] registries)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      StringBuilder text = new StringBuilder();
      for (PrometheusMeterRegistry registry : registries) {
        text.append(registry.scrape());
      }
      byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(404, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
