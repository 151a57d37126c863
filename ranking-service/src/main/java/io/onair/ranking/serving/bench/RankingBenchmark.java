package io.onair.ranking.serving.bench;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.features.FeatureStore;
import io.onair.metrics.LatencySummary;
import io.onair.proto.v1.RankCandidate;
import io.onair.proto.v1.RankRequest;
import io.onair.proto.v1.RankResponse;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.proto.v1.StageLatency;
import io.onair.ranking.export.RankingModelBundle;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.LiveActivity;
import io.onair.ranking.graph.RankingGraph;
import io.onair.ranking.serving.features.LiveActivityReader;
import io.onair.ranking.serving.features.OnlineFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * {@code onair bench rank} (contracts.md section 5): the ranking service's rows per second over
 * real gRPC (request encoding, feature read, encoding, model, response) against the bare model
 * call, the SavedModel's {@code SessionFunction} on ready tensors of the same batch, measured in
 * the same run on the same machine, alternating call by call. Both run one call at a time on one
 * client thread; rows/s = rows / summed call time. A measurement, never a test assertion.
 * Stateless.
 */
public final class RankingBenchmark {
  private RankingBenchmark() {}

  /** One request to send: a user in a scenario at a time (the candidates are shared). */
  public record Query(String userId, String scenario, String referAnchorId, long requestTime) {
    public Query {
      requireNonNull(userId, "userId is null");
      requireNonNull(scenario, "scenario is null");
      requireNonNull(referAnchorId, "referAnchorId is null");
    }
  }

  /**
   * What was measured.
   *
   * @param candidates rows per request
   * @param requests measured requests (each path)
   * @param serviceRowsPerSecond the service over gRPC
   * @param serviceLatency the service's call latency at the client
   * @param serverStages the server's own stage latencies ("features", "inference")
   * @param errors failed service calls
   * @param bareRowsPerSecond the bare SessionFunction call on ready tensors
   * @param bareLatency its latency
   * @param modelVersion the model version that answered
   */
  public record Result(
      int candidates,
      int requests,
      double serviceRowsPerSecond,
      LatencySummary serviceLatency,
      Map<String, LatencySummary> serverStages,
      long errors,
      double bareRowsPerSecond,
      LatencySummary bareLatency,
      String modelVersion) {
    /** The service's rows/s as a share of the bare model's. */
    public double ratio() {
      return serviceRowsPerSecond / bareRowsPerSecond;
    }
  }

  /**
   * Measures the service at {@code port} on {@code queries} (cycled), each with {@code anchorIds}
   * as candidates, then the bare model of {@code bundle} on the encoded batch of the first query.
   */
  public static Result run(
      int port,
      RankingModelBundle bundle,
      FeatureStore store,
      List<Query> queries,
      List<String> anchorIds,
      int warmup,
      int requests) {
    requireNonNull(bundle, "bundle is null");
    if (queries.isEmpty() || anchorIds.isEmpty() || requests < 1 || warmup < 0) {
      throw new IllegalArgumentException("need queries, candidates and requests >= 1");
    }
    List<RankRequest> wire = new ArrayList<>(queries.size());
    for (Query query : queries) {
      RankRequest.Builder request =
          RankRequest.newBuilder()
              .setUserId(query.userId())
              .setScenario(query.scenario())
              .setReferAnchorId(query.referAnchorId())
              .setRequestTime(query.requestTime())
              .setDebug(true);
      anchorIds.forEach(id -> request.addCandidates(RankCandidate.newBuilder().setAnchorId(id)));
      wire.add(request.build());
    }
    EncodedBatch batch = encode(bundle, store, queries.get(0), anchorIds);
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    long[] serviceNanos = new long[requests];
    long[] bareNanos = new long[requests];
    Map<String, long[]> stages = new LinkedHashMap<>();
    long errors = 0;
    String version = "";
    long serviceTotal = 0;
    long bareTotal = 0;
    // The two paths alternate call by call, so that noise from other work on a shared machine
    // falls on both alike; the ratio is what is reported.
    try (TInt32 ids = batch.idsTensor();
        TFloat32 numeric = batch.numericTensor();
        TInt32 scenario = batch.scenarioTensor()) {
      Map<String, Tensor> inputs = new HashMap<>();
      inputs.put(RankingGraph.IDS, ids);
      inputs.put(RankingGraph.NUMERIC, numeric);
      inputs.put(RankingGraph.SCENARIO, scenario);
      var stub = RankingServiceGrpc.newBlockingStub(channel);
      for (int i = 0; i < warmup; i++) {
        call(stub, wire.get(i % wire.size()));
        try (org.tensorflow.Result result = bundle.function().call(inputs)) {
          // warm-up only
        }
      }
      for (int i = 0; i < requests; i++) {
        long t0 = System.nanoTime();
        RankResponse response = call(stub, wire.get(i % wire.size()));
        serviceNanos[i] = System.nanoTime() - t0;
        serviceTotal += serviceNanos[i];
        if (response == null) {
          errors++;
        } else {
          version = response.getModel().getVersion();
          for (StageLatency stage : response.getDebug().getStageLatenciesList()) {
            stages.computeIfAbsent(stage.getStage(), s -> new long[requests])[i] =
                stage.getMicros() * 1000;
          }
        }
        long t1 = System.nanoTime();
        try (org.tensorflow.Result result = bundle.function().call(inputs)) {
          bareNanos[i] = System.nanoTime() - t1;
        }
        bareTotal += bareNanos[i];
      }
    } finally {
      channel.shutdownNow();
    }
    double serviceSeconds = serviceTotal / 1e9;
    double bareSeconds = bareTotal / 1e9;
    Map<String, LatencySummary> serverStages = new LinkedHashMap<>();
    stages.forEach((stage, nanos) -> serverStages.put(stage, millis(nanos)));
    double rows = (double) anchorIds.size() * requests;
    return new Result(
        anchorIds.size(),
        requests,
        (rows - (double) anchorIds.size() * errors) / serviceSeconds,
        millis(serviceNanos),
        serverStages,
        errors,
        rows / bareSeconds,
        millis(bareNanos),
        version);
  }

  private static RankResponse call(
      RankingServiceGrpc.RankingServiceBlockingStub stub, RankRequest request) {
    try {
      return stub.withDeadlineAfter(10, TimeUnit.SECONDS).rank(request);
    } catch (StatusRuntimeException e) {
      return null;
    }
  }

  /** The rows the service builds for {@code query}: same store read, same mapping, same encoder. */
  private static EncodedBatch encode(
      RankingModelBundle bundle, FeatureStore store, Query query, List<String> anchorIds) {
    var context =
        bundle
            .vocabulary()
            .context(
                OnlineFeatures.context(
                    store.readUser(query.userId(), query.requestTime()).join(),
                    query.scenario(),
                    query.requestTime(),
                    query.referAnchorId().isEmpty()
                            || bundle.vocabulary().candidate(query.referAnchorId()).anchor() == 0
                        ? Optional.empty()
                        : Optional.of(query.referAnchorId()),
                    bundle.encoder().layout().historyLength()));
    LiveActivity[] activity =
        bundle.encoder().layout().hasLiveStatistics()
            ? new LiveActivityReader(store)
                .start(bundle.vocabulary(), anchorIds, query.requestTime())
                .await(Long.MAX_VALUE / 2)
                .activity()
            : null;
    EncodedBatch batch = new EncodedBatch(bundle.encoder().layout(), anchorIds.size());
    for (int i = 0; i < anchorIds.size(); i++) {
      bundle
          .encoder()
          .encode(
              context,
              bundle.vocabulary().candidate(anchorIds.get(i)),
              activity == null ? LiveActivity.none(query.requestTime()) : activity[i],
              batch);
    }
    return batch;
  }

  /** The JSON of a result, in the shape of the other bench commands. */
  public static Map<String, Object> json(Result r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", "rank");
    json.put("candidates", r.candidates());
    json.put("requests", r.requests());
    json.put("rows_per_second", r.serviceRowsPerSecond());
    json.put("latency_ms", latency(r.serviceLatency()));
    json.put("errors", r.errors());
    Map<String, Object> stages = new LinkedHashMap<>();
    r.serverStages().forEach((stage, l) -> stages.put(stage, latency(l)));
    json.put("server_stages", stages);
    json.put("model_version", r.modelVersion());
    Map<String, Object> baseline = new LinkedHashMap<>();
    baseline.put("name", "bare SessionFunction call on ready tensors, same batch");
    baseline.put("rows_per_second", r.bareRowsPerSecond());
    baseline.put("latency_ms", latency(r.bareLatency()));
    json.put("baseline", baseline);
    json.put("ratio", r.ratio());
    return json;
  }

  private static LatencySummary millis(long[] nanos) {
    double[] millis = new double[nanos.length];
    for (int i = 0; i < nanos.length; i++) {
      millis[i] = nanos[i] / 1e6;
    }
    return LatencySummary.of(millis);
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
