package io.onair.cli.ranking;

import io.onair.cli.JsonOutput;
import io.onair.cli.options.FeatureStoreOptions;
import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.ranking.serving.RankingRuntime;
import io.onair.ranking.serving.bench.RankingBenchmark;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.config.RankingConfigLoader;
import io.onair.ranking.serving.grpc.RankingServer;
import io.onair.ranking.serving.model.ModelLease;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair bench rank}: the ranking service's rows/s against the bare model's. */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a ranking server on loopback (features in Redis with --redis, else in memory from",
      "--data), sends held-out requests one at a time with N candidates each, and reports the",
      "service's rows/s (features + model + gRPC) against the bare model call (SessionFunction",
      "on ready tensors) on the same batch, measured in the same run: ratio = service / bare."
    })
public final class BenchRankCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where onair train exported ranking/NAME/.")
  Path artifacts;

  @Option(
      names = "--model",
      defaultValue = "dbmtl",
      paramLabel = "NAME",
      description = "The model (default: ${DEFAULT-VALUE}).")
  String model;

  @Mixin FeatureStoreOptions features;

  @Option(
      names = "--candidates",
      defaultValue = "500",
      paramLabel = "N",
      description = "Candidates per request (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(
      names = "--requests",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Requests measured, on each path (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--warmup",
      defaultValue = "200",
      paramLabel = "N",
      description = "Requests sent first, not measured (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--config", paramLabel = "FILE", description = "Ranking configuration (JSON).")
  Path config;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result here.")
  Path json;

  @Override
  public Integer call() {
    if (candidates < 1 || requests < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "--candidates and --requests must be positive, --warmup not negative");
    }
    RankingConfig rankingConfig = RankingConfigLoader.load(config).withDefaultModel(model);
    if (candidates > rankingConfig.maxCandidates()) {
      rankingConfig = rankingConfig.withMaxCandidates(candidates);
    }
    Progress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    DataWindow window = RankingRuntime.trainingWindow(artifacts, model, dataset);
    if (dataset.anchorCount() < candidates) {
      throw new IllegalArgumentException(
          "the dataset has "
              + dataset.anchorCount()
              + " anchors, fewer than --candidates "
              + candidates);
    }
    List<String> anchorIds = new ArrayList<>(candidates);
    for (int i = 0; i < candidates; i++) {
      anchorIds.add(dataset.anchors().id((int) ((long) i * dataset.anchorCount() / candidates)));
    }
    List<RankingBenchmark.Query> queries =
        heldOutQueries(dataset, window, requests, rankingConfig.referAwareScenarios());
    RankingBenchmark.Result result;
    try (FeatureStore store = features.open(features.config(), () -> dataset, window, progress)) {
      try (RankingServer server =
              new RankingServer(new InetSocketAddress("127.0.0.1", 0), rankingConfig);
          RankingRuntime runtime =
              RankingRuntime.load(artifacts, store, rankingConfig, server.metrics());
          ModelLease lease = runtime.registry().lease(model)) {
        server.serve(runtime.ranker());
        System.err.printf(
            Locale.ROOT,
            "measuring %s version %s: %,d requests x %d candidates, %d warm-up%n",
            model,
            lease.version(),
            requests,
            candidates,
            warmup);
        result =
            RankingBenchmark.run(
                server.port(), lease.bundle(), store, queries, anchorIds, warmup, requests);
      }
    }
    Map<String, Object> out = RankingBenchmark.json(result);
    out.put("features", features.inMemory() ? "memory" : "redis");
    out.put("model", model);
    out.put("intra_op_threads", rankingConfig.intraOpThreads());
    out.put("batch_size", rankingConfig.batchSize());
    JsonOutput.write(json, out);
    System.out.printf(
        Locale.ROOT,
        "rank %d candidates over gRPC on loopback, %s features, %,d requests: %,.0f rows/s,"
            + " p50 %.2f ms, p99 %.2f ms, %d errors%n",
        candidates,
        features.inMemory() ? "in-memory" : "Redis",
        result.requests(),
        result.serviceRowsPerSecond(),
        result.serviceLatency().p50(),
        result.serviceLatency().p99(),
        result.errors());
    result
        .serverStages()
        .forEach(
            (stage, l) ->
                System.out.printf(
                    Locale.ROOT,
                    "  server %-9s p50 %.2f ms, p99 %.2f ms%n",
                    stage,
                    l.p50(),
                    l.p99()));
    System.out.printf(
        Locale.ROOT,
        "bare model (SessionFunction, ready tensors, same batch): %,.0f rows/s, p50 %.2f ms%n",
        result.bareRowsPerSecond(),
        result.bareLatency().p50());
    System.out.printf(Locale.ROOT, "ratio service / bare: %.3f%n", result.ratio());
    return 0;
  }

  /**
   * Up to {@code count} held-out impressions' (user, scenario, time, refer), spread evenly; rows of
   * refer-aware scenarios without a refer room are skipped (the service would refuse them).
   */
  private static List<RankingBenchmark.Query> heldOutQueries(
      Dataset dataset, DataWindow window, int count, java.util.Set<String> referAware) {
    Dataset.Impressions impressions = dataset.impressions();
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < impressions.size(); r++) {
      String scenario = dataset.manifest().scenarios().get(impressions.scenario()[r]);
      if (impressions.ts()[r] >= window.holdoutStart()
          && (impressions.refer()[r] >= 0 || !referAware.contains(scenario))) {
        rows.add(r);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the dataset has no held-out impressions");
    }
    List<RankingBenchmark.Query> queries = new ArrayList<>();
    int n = Math.min(count, rows.size());
    for (int i = 0; i < n; i++) {
      int r = rows.get((int) ((long) i * rows.size() / n));
      int refer = impressions.refer()[r];
      queries.add(
          new RankingBenchmark.Query(
              dataset.users().id(impressions.user()[r]),
              dataset.manifest().scenarios().get(impressions.scenario()[r]),
              refer < 0 ? "" : dataset.anchors().id(refer),
              impressions.ts()[r]));
    }
    return queries;
  }
}
