package io.onair.recall.bench;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.dataset.progress.Progress;
import io.onair.metrics.LatencySummary;
import io.onair.proto.v1.RecallRequest;
import io.onair.proto.v1.RecallResponse;
import io.onair.proto.v1.RecallServiceGrpc;
import io.onair.proto.v1.RouteOutcome;
import io.onair.proto.v1.RouteStatus;
import io.onair.proto.v1.StageLatency;
import io.onair.recall.eval.HeldOutRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code onair bench recall}: replays held-out requests against a recall server over gRPC on
 * loopback, one at a time, and measures the merged call's latency at the client and each route's
 * latency and the server's stage latencies ({@code route_outcomes.latency_micros}, {@code
 * debug.stage_latencies}) as the server reports them. The reference of the same run (contracts.md
 * section 5) is the slowest route: the merged call can be no faster than it, so {@code ratio =
 * merged p50 / slowest route p50} is what fan-out, merge and gRPC add. Benchmarks are commands, not
 * tests. Not thread-safe (one run at a time).
 */
public final class RecallBenchmark {
  private RecallBenchmark() {}

  /** The measurements of one run. */
  public record Result(
      int k,
      int requests,
      double qps,
      LatencySummary merged,
      Map<String, LatencySummary> routes,
      Map<String, Long> routesDropped,
      Map<String, LatencySummary> stages,
      String slowestRoute,
      long errors,
      double candidatesMean) {}

  /**
   * @param port a recall server on 127.0.0.1
   * @param requests the requests to replay (their user, scenario, refer room and time)
   * @param warmup how many of them to send first without measuring (JIT, caches)
   */
  public static Result run(
      int port, List<HeldOutRequest> requests, int k, int warmup, Progress progress) {
    requireNonNull(requests, "requests is null");
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      RecallServiceGrpc.RecallServiceBlockingStub stub = RecallServiceGrpc.newBlockingStub(channel);
      progress.start("warm-up", warmup, "requests");
      for (int i = 0; i < warmup; i++) {
        try {
          call(stub, requests.get(i % requests.size()), k);
        } catch (StatusRuntimeException e) {
          // Warm-up failures are not measured; the measured run counts its own errors.
        }
        progress.advance(1);
      }
      progress.finish("");
      List<Double> merged = new ArrayList<>();
      Map<String, List<Double>> routes = new LinkedHashMap<>();
      Map<String, Long> dropped = new LinkedHashMap<>();
      Map<String, List<Double>> stages = new LinkedHashMap<>();
      long errors = 0;
      long candidates = 0;
      progress.start("measuring", requests.size(), "requests");
      long began = System.nanoTime();
      for (HeldOutRequest request : requests) {
        long start = System.nanoTime();
        try {
          RecallResponse response = call(stub, request, k);
          merged.add((System.nanoTime() - start) / 1e6);
          candidates += response.getCandidatesCount();
          for (StageLatency stage : response.getDebug().getStageLatenciesList()) {
            stages
                .computeIfAbsent(stage.getStage(), x -> new ArrayList<>())
                .add(stage.getMicros() / 1000.0);
          }
          for (RouteOutcome o : response.getRouteOutcomesList()) {
            if (o.getStatus() == RouteStatus.ROUTE_STATUS_SKIPPED) {
              continue;
            }
            routes
                .computeIfAbsent(o.getRoute(), r -> new ArrayList<>())
                .add(o.getLatencyMicros() / 1000.0);
            if (o.getStatus() == RouteStatus.ROUTE_STATUS_DROPPED_DEADLINE
                || o.getStatus() == RouteStatus.ROUTE_STATUS_DROPPED_ERROR) {
              dropped.merge(o.getRoute(), 1L, Long::sum);
            }
          }
        } catch (StatusRuntimeException e) {
          errors++;
        }
        progress.advance(1);
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      progress.finish("");
      Map<String, LatencySummary> routeLatency = new LinkedHashMap<>();
      routes.forEach((route, millis) -> routeLatency.put(route, LatencySummary.of(millis)));
      Map<String, LatencySummary> stageLatency = new LinkedHashMap<>();
      stages.forEach((stage, millis) -> stageLatency.put(stage, LatencySummary.of(millis)));
      String slowest =
          routeLatency.entrySet().stream()
              .max((a, b) -> Double.compare(a.getValue().p50(), b.getValue().p50()))
              .map(Map.Entry::getKey)
              .orElse("");
      return new Result(
          k,
          merged.size(),
          merged.size() / seconds,
          LatencySummary.of(merged),
          routeLatency,
          dropped,
          stageLatency,
          slowest,
          errors,
          merged.isEmpty() ? 0 : (double) candidates / merged.size());
    } finally {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RecallResponse call(
      RecallServiceGrpc.RecallServiceBlockingStub stub, HeldOutRequest request, int k) {
    return stub.withDeadlineAfter(2, TimeUnit.SECONDS)
        .recall(
            RecallRequest.newBuilder()
                .setUserId(request.userId())
                .setScenario(request.scenario())
                .setReferAnchorId(request.referAnchorId())
                .setCount(k)
                .setRequestTime(request.time())
                .setDebug(true)
                .build());
  }

  /** The result as the JSON of contracts.md section 5. */
  public static Map<String, Object> json(Result r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", "recall");
    json.put("k", r.k());
    json.put("requests", r.requests());
    json.put("qps", r.qps());
    json.put("latency_ms", latency(r.merged()));
    json.put("errors", r.errors());
    json.put("candidates_mean", r.candidatesMean());
    Map<String, Object> routes = new LinkedHashMap<>();
    r.routes().forEach((route, l) -> routes.put(route, latency(l)));
    json.put("routes", routes);
    json.put("routes_dropped", r.routesDropped());
    Map<String, Object> stages = new LinkedHashMap<>();
    r.stages().forEach((stage, l) -> stages.put(stage, latency(l)));
    json.put("server_stages", stages);
    json.put("slowest_route", r.slowestRoute());
    LatencySummary slowest = r.routes().get(r.slowestRoute());
    Map<String, Object> baseline = new LinkedHashMap<>();
    baseline.put("name", "slowest route: " + r.slowestRoute());
    baseline.put("latency_ms", slowest == null ? null : latency(slowest));
    json.put("baseline", baseline);
    json.put(
        "ratio", slowest == null || slowest.p50() == 0 ? null : r.merged().p50() / slowest.p50());
    return json;
  }

  private static Map<String, Object> latency(LatencySummary l) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("p50", l.p50());
    json.put("p90", l.p90());
    json.put("p99", l.p99());
    json.put("max", l.max());
    return json;
  }
}
