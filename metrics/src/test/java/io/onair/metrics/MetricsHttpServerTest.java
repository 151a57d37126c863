package io.onair.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsHttpServerTest {
  @Test
  void scrapeShowsEveryMetricTaggedWithItsService() throws Exception {
    ServiceMetrics metrics = new ServiceMetrics("gateway");
    metrics.request("Recommend", "OK", 2_000_000);
    metrics.stage("recall", 1_500);
    metrics.fallback("ranking_fallback_recall_order");
    metrics.droppedRoute("U2I2I2A", "deadline");
    metrics.modelVersion("dbmtl", "v1");
    metrics.modelVersion("dbmtl", "v2");
    metrics.modelVersion("rui-v3", "r1");
    try (MetricsHttpServer server =
        new MetricsHttpServer(new InetSocketAddress("127.0.0.1", 0), metrics)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      String body = response.body();
      assertThat(body)
          .contains(
              "onair_requests_total{method=\"Recommend\",service=\"gateway\",status=\"OK\"} 1.0")
          .contains("onair_stage_seconds_bucket{service=\"gateway\",stage=\"recall\"")
          .contains(
              "onair_fallbacks_total{flag=\"ranking_fallback_recall_order\",service=\"gateway\"} 1.0")
          .contains(
              "onair_dropped_routes_total{reason=\"deadline\",route=\"U2I2I2A\",service=\"gateway\"} 1.0")
          .contains("onair_model_serving{model=\"dbmtl\",service=\"gateway\",version=\"v2\"} 1")
          .contains("onair_model_serving{model=\"dbmtl\",service=\"gateway\",version=\"v1\"} 0")
          .contains("onair_model_serving{model=\"rui-v3\",service=\"gateway\",version=\"r1\"} 1");
    }
  }

  @Test
  void servicesSharingARegistryAreOneFamilyPerMetric() {
    PrometheusMeterRegistry shared = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServiceMetrics gateway = new ServiceMetrics("gateway", shared);
    ServiceMetrics recall = new ServiceMetrics("recall", shared);
    gateway.request("Recommend", "OK", 1_000);
    recall.request("Recall", "OK", 1_000);
    String text = gateway.scrape();
    assertThat(text.split("# TYPE onair_requests_total ", -1)).hasSize(2);
    assertThat(text)
        .contains(
            "onair_requests_total{method=\"Recommend\",service=\"gateway\",status=\"OK\"} 1.0")
        .contains("onair_requests_total{method=\"Recall\",service=\"recall\",status=\"OK\"} 1.0");
  }

  @Test
  void otherPathsAreNotFound() throws Exception {
    try (MetricsHttpServer server =
        new MetricsHttpServer(new InetSocketAddress("127.0.0.1", 0), new ServiceMetrics("x"))) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
    }
  }
}
