package io.onair.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The metrics one OnAir service exposes, all tagged {@code service=<name>}: requests by gRPC method
 * and status ({@code onair_requests_total}), call latency ({@code onair_request_seconds}), latency
 * per stage ({@code onair_stage_seconds}, histograms), fallbacks by degradation flag ({@code
 * onair_fallbacks_total}), dropped recall routes ({@code onair_dropped_routes_total}) and the
 * loaded model version ({@code onair.model.serving}, 1 for the serving version). The names are the
 * contract dashboards and alerts read (docs/metrics.md); never rename one.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class ServiceMetrics {
  /** Histogram buckets cover 100 µs to 5 s, enough for a stage and for a whole call. */
  private static final Duration MIN_EXPECTED = Duration.ofNanos(100_000);

  private static final Duration MAX_EXPECTED = Duration.ofSeconds(5);

  private final String service;
  private final PrometheusMeterRegistry registry;

  /** Strong references: a gauge's state object is held weakly by the registry. */
  private final Map<ModelInfo, AtomicInteger> models = new HashMap<>();

  /**
   * The metrics of service {@code service} ("gateway", "recall", "ranking"), in a registry of its
   * own.
   */
  public ServiceMetrics(String service) {
    this(service, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /**
   * The metrics of {@code service} in a registry several services share (one process serving all
   * three): each metric is then one family whose series differ by the {@code service} label, which
   * is what a Prometheus scrape of one endpoint needs.
   */
  public ServiceMetrics(String service, PrometheusMeterRegistry registry) {
    this.service = requireNonNull(service, "service is null");
    this.registry = requireNonNull(registry, "registry is null");
  }

  public String service() {
    return service;
  }

  /** The underlying registry, for meters of a service's own. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Counts one finished call of {@code method} with gRPC status {@code status} and its time. */
  public void request(String method, String status, long nanos) {
    Counter.builder("onair.requests")
        .tag("service", service)
        .description("Calls by gRPC method and final status code")
        .tag("method", method)
        .tag("status", status)
        .register(registry)
        .increment();
    Timer.builder("onair.request")
        .tag("service", service)
        .description("Call latency by gRPC method")
        .tag("method", method)
        .publishPercentileHistogram()
        .minimumExpectedValue(MIN_EXPECTED)
        .maximumExpectedValue(MAX_EXPECTED)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records the time one stage ("features", "recall", "rank", "inference", ...) took. */
  public void stage(String stage, long micros) {
    Timer.builder("onair.stage")
        .tag("service", service)
        .description("Latency of one stage of a request")
        .tag("stage", stage)
        .publishPercentileHistogram()
        .minimumExpectedValue(MIN_EXPECTED)
        .maximumExpectedValue(MAX_EXPECTED)
        .register(registry)
        .record(micros, TimeUnit.MICROSECONDS);
  }

  /** Counts one answer degraded by {@code flag} (a DegradationFlag name, lower case). */
  public void fallback(String flag) {
    Counter.builder("onair.fallbacks")
        .tag("service", service)
        .description("Answers degraded, by degradation flag")
        .tag("flag", flag)
        .register(registry)
        .increment();
  }

  /** Counts one recall route dropped from an answer, with why ("error" or "deadline"). */
  public void droppedRoute(String route, String reason) {
    Counter.builder("onair.dropped.routes")
        .tag("service", service)
        .description("Recall routes dropped from an answer, by route and reason")
        .tag("route", route)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * Marks {@code version} of {@code model} as the one serving: its {@code onair.model.serving} is
   * 1, any earlier version's is 0.
   */
  public void modelVersion(String modelName, String version) {
    ModelInfo next = new ModelInfo(modelName, version);
    synchronized (models) {
      models.forEach(
          (info, serving) -> {
            if (info.model().equals(modelName)) {
              serving.set(0);
            }
          });
      models
          .computeIfAbsent(
              next,
              info -> {
                AtomicInteger serving = new AtomicInteger();
                Gauge.builder("onair.model.serving", serving, AtomicInteger::get)
                    .tag("service", service)
                    .description("1 for the model version serving, 0 for versions served before")
                    .tag("model", info.model())
                    .tag("version", info.version())
                    .register(registry);
                return serving;
              })
          .set(1);
    }
  }

  /** The text exposition of every metric in the registry (what {@code GET /metrics} returns). */
  public String scrape() {
    return registry.scrape();
  }

  private record ModelInfo(String model, String version) {}
}
