/**
 * Prometheus metrics of the OnAir services: {@link io.onair.metrics.ServiceMetrics} (the metric
 * names every service shares), {@link io.onair.metrics.GrpcMetricsInterceptor} (calls by method and
 * status) and {@link io.onair.metrics.MetricsHttpServer} ({@code GET /metrics}).
 */
package io.onair.metrics;
