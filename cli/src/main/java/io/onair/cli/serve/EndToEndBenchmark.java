package io.onair.cli.serve;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.dataset.progress.Progress;
import io.onair.metrics.LatencySummary;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.GatewayServiceGrpc;
import io.onair.proto.v1.RecommendRequest;
import io.onair.proto.v1.RecommendResponse;
import io.onair.proto.v1.StageLatency;
import io.onair.recall.eval.HeldOutRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code onair bench e2e} (contracts.md section 5): replays held-out requests against the gateway
 * over gRPC under a fixed concurrency and reports throughput, latency percentiles, errors,
 * fallbacks, each stage's latency as the gateway reported it, and the gateway's own overhead: the
 * latency the client saw minus the sum of the gateway's stages, per request. Requests ask for debug
 * (that is where the stage latencies come from), so the numbers include building the explanations.
 * Not thread-safe (one run at a time).
 */
public final class EndToEndBenchmark {
  /** The stages whose sum the overhead is measured against ("total" is the gateway's own sum). */
  private static final List<String> STAGES =
      List.of("validate", "features", "recall", "rank", "fuse", "filter");

  /**
   * What to run.
   *
   * @param gatewayPort the gateway's loopback port
   * @param requests the held-out requests to replay, in a loop
   * @param count the items asked per request
   * @param warmUp requests sent (and not measured) before the measured ones
   * @param measured requests measured
   * @param concurrency client threads, each with one call in flight
   * @param deadlineMillis the deadline of each call
   */
  public record Plan(
      int gatewayPort,
      List<HeldOutRequest> requests,
      int count,
      int warmUp,
      int measured,
      int concurrency,
      long deadlineMillis) {
    public Plan {
      requests = List.copyOf(requireNonNull(requests, "requests is null"));
      if (requests.isEmpty()) {
        throw new IllegalArgumentException("no held-out requests to replay");
      }
      if (measured < 1 || warmUp < 0 || concurrency < 1 || count < 1 || deadlineMillis < 1) {
        throw new IllegalArgumentException(
            "requests, concurrency, count and deadline must be >= 1 and warm-up >= 0");
      }
    }
  }

  /** The measurements of one run. */
  public record Result(
      int concurrency,
      int measured,
      double seconds,
      double throughput,
      LatencySummary client,
      LatencySummary stageSum,
      LatencySummary gatewayTotal,
      LatencySummary overhead,
      Map<String, LatencySummary> stages,
      Map<String, Long> errors,
      Map<String, Long> flags,
      double meanRecalled,
      double meanRanked) {}

  private EndToEndBenchmark() {}

  public static Result run(Plan plan, Progress progress) throws InterruptedException {
    requireNonNull(plan, "plan is null");
    requireNonNull(progress, "progress is null");
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", plan.gatewayPort()).usePlaintext().build();
    ExecutorService clients =
        Executors.newFixedThreadPool(
            plan.concurrency(),
            runnable -> {
              Thread thread = new Thread(runnable, "bench-e2e-client");
              thread.setDaemon(true);
              return thread;
            });
    try {
      GatewayServiceGrpc.GatewayServiceBlockingStub stub =
          GatewayServiceGrpc.newBlockingStub(channel);
      Series warm = new Series(plan.warmUp());
      drive(plan, stub, clients, plan.warmUp(), 0, warm, progress, "warm-up");
      Series series = new Series(plan.measured());
      long start = System.nanoTime();
      drive(plan, stub, clients, plan.measured(), plan.warmUp(), series, progress, "measured");
      double seconds = (System.nanoTime() - start) / 1e9;
      return series.result(plan, seconds);
    } finally {
      clients.shutdownNow();
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void drive(
      Plan plan,
      GatewayServiceGrpc.GatewayServiceBlockingStub stub,
      ExecutorService clients,
      int total,
      int offset,
      Series series,
      Progress progress,
      String phase)
      throws InterruptedException {
    if (total == 0) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    progress.start(phase + " requests", total, "requests");
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < plan.concurrency(); c++) {
      running.add(
          clients.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  HeldOutRequest r = plan.requests().get((offset + i) % plan.requests().size());
                  series.record(i, call(stub, plan, r));
                  synchronized (progress) {
                    progress.advance(1);
                  }
                }
              }));
    }
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a benchmark client failed", e.getCause());
      }
    }
    progress.finish("");
  }

  /** One call's outcome: the response or the error code, and the client-side time. */
  private record Call(RecommendResponse response, String error, long nanos) {}

  private static Call call(
      GatewayServiceGrpc.GatewayServiceBlockingStub stub, Plan plan, HeldOutRequest r) {
    RecommendRequest request =
        RecommendRequest.newBuilder()
            .setUserId(r.userId())
            .setScenario(r.scenario())
            .setReferAnchorId(r.referAnchorId())
            .setCount(plan.count())
            .setRequestTime(r.time())
            .setDebug(true)
            .build();
    long start = System.nanoTime();
    try {
      RecommendResponse response =
          stub.withDeadlineAfter(plan.deadlineMillis(), TimeUnit.MILLISECONDS).recommend(request);
      return new Call(response, null, System.nanoTime() - start);
    } catch (StatusRuntimeException e) {
      return new Call(null, e.getStatus().getCode().name(), System.nanoTime() - start);
    }
  }

  /** The samples of one phase; {@link #record} is called from the client threads. */
  private static final class Series {
    private final double[] client;
    private final double[] stageSum;
    private final double[] total;
    private final double[] overhead;
    private final boolean[] ok;
    private final Map<String, double[]> stages = new LinkedHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> flags = new ConcurrentHashMap<>();
    private final LongAdder recalled = new LongAdder();
    private final LongAdder ranked = new LongAdder();

    Series(int size) {
      client = new double[size];
      stageSum = new double[size];
      total = new double[size];
      overhead = new double[size];
      ok = new boolean[size];
      for (String stage : STAGES) {
        stages.put(stage, new double[size]);
      }
    }

    void record(int i, Call call) {
      client[i] = call.nanos() / 1e6;
      if (call.response() == null) {
        errors.computeIfAbsent(call.error(), k -> new LongAdder()).increment();
        return;
      }
      RecommendResponse response = call.response();
      ok[i] = true;
      double sum = 0;
      for (StageLatency stage : response.getDebug().getStageLatenciesList()) {
        double millis = stage.getMicros() / 1e3;
        double[] values = stages.get(stage.getStage());
        if (values != null) {
          values[i] = millis;
          sum += millis;
        } else if ("total".equals(stage.getStage())) {
          total[i] = millis;
        }
      }
      stageSum[i] = sum;
      overhead[i] = client[i] - sum;
      for (DegradationFlag flag : response.getDegradationFlagsList()) {
        flags
            .computeIfAbsent(
                flag.name().replace("DEGRADATION_FLAG_", "").toLowerCase(Locale.ROOT),
                k -> new LongAdder())
            .increment();
      }
      recalled.add(response.getDebug().getRecalledCount());
      ranked.add(response.getDebug().getRankedCount());
    }

    Result result(Plan plan, double seconds) {
      int answered = 0;
      for (boolean b : ok) {
        answered += b ? 1 : 0;
      }
      Map<String, LatencySummary> stageSummaries = new LinkedHashMap<>();
      stages.forEach((stage, values) -> stageSummaries.put(stage, answeredOnly(values)));
      Map<String, Long> errorCounts = new TreeMap<>();
      errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
      Map<String, Long> flagCounts = new TreeMap<>();
      flags.forEach((k, v) -> flagCounts.put(k, v.sum()));
      return new Result(
          plan.concurrency(),
          client.length,
          seconds,
          client.length / seconds,
          LatencySummary.of(client),
          answeredOnly(stageSum),
          answeredOnly(total),
          answeredOnly(overhead),
          stageSummaries,
          errorCounts,
          flagCounts,
          answered == 0 ? 0 : recalled.sum() / (double) answered,
          answered == 0 ? 0 : ranked.sum() / (double) answered);
    }

    private LatencySummary answeredOnly(double[] values) {
      List<Double> kept = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        if (ok[i]) {
          kept.add(values[i]);
        }
      }
      return LatencySummary.of(kept);
    }
  }

  /** The result as JSON-ready maps. */
  public static Map<String, Object> json(Result r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("concurrency", r.concurrency());
    out.put("requests", r.measured());
    out.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
    out.put("throughput_rps", Math.round(r.throughput() * 10) / 10.0);
    out.put("latency", r.client().toMap());
    out.put("stage_sum", r.stageSum().toMap());
    out.put("gateway_total", r.gatewayTotal().toMap());
    out.put("gateway_overhead", r.overhead().toMap());
    Map<String, Object> stages = new LinkedHashMap<>();
    r.stages().forEach((stage, summary) -> stages.put(stage, summary.toMap()));
    out.put("stages", stages);
    out.put("errors", r.errors());
    out.put("degradation_flags", r.flags());
    out.put("mean_recalled", Math.round(r.meanRecalled() * 10) / 10.0);
    out.put("mean_ranked", Math.round(r.meanRanked() * 10) / 10.0);
    return out;
  }

  /** A readable table of the result. */
  public static String render(Result r) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d requests at concurrency %d in %.1f s: %.1f requests/s, %d errors %s%n",
            r.measured(),
            r.concurrency(),
            r.seconds(),
            r.throughput(),
            r.errors().values().stream().mapToLong(Long::longValue).sum(),
            r.errors().isEmpty() ? "" : r.errors()));
    out.append(
        String.format(
            Locale.ROOT,
            "candidates per request: %.1f recalled, %.1f ranked; flags %s%n",
            r.meanRecalled(),
            r.meanRanked(),
            r.flags()));
    out.append(
        String.format(
            Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p90", "p99", "max"));
    row(out, "client (end to end)", r.client());
    row(out, "gateway total", r.gatewayTotal());
    row(out, "sum of stages", r.stageSum());
    row(out, "gateway overhead", r.overhead());
    r.stages().forEach((stage, summary) -> row(out, "  stage " + stage, summary));
    return out.toString();
  }

  private static void row(StringBuilder out, String name, LatencySummary s) {
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %9.3f %9.3f %9.3f %9.3f%n",
            name,
            s.p50(),
            s.p90(),
            s.p99(),
            s.max()));
  }
}
