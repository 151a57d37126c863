package io.onair.cli.recall;

import io.onair.cli.JsonOutput;
import io.onair.cli.options.FeatureStoreOptions;
import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.recall.bench.RecallBenchmark;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.config.RecallConfigLoader;
import io.onair.recall.engine.RecallRuntime;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import io.onair.recall.grpc.RecallServer;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair bench recall}: merged and per-route latency over gRPC on loopback. */
@Command(
    name = "recall",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a recall server on loopback (features in Redis with --redis, else in memory),",
      "replays held-out requests one at a time with K candidates and reports the merged call's",
      "latency at the client and each route's latency, naming the slowest route (the reference:",
      "ratio = merged p50 / slowest route p50)."
    })
public final class BenchRecallCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where onair relations wrote relations/.")
  Path artifacts;

  @Mixin FeatureStoreOptions features;

  @Option(
      names = "--k",
      defaultValue = "500",
      paramLabel = "K",
      description = "Candidates per request (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--requests",
      defaultValue = "2000",
      paramLabel = "N",
      description = "Requests measured (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--warmup",
      defaultValue = "300",
      paramLabel = "N",
      description = "Requests sent first, not measured (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--config", paramLabel = "FILE", description = "Recall configuration (JSON).")
  Path config;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result here.")
  Path json;

  @Override
  public Integer call() {
    if (k < 1 || requests < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "--k and --requests must be positive, --warmup not negative");
    }
    RecallConfig recallConfig = RecallConfigLoader.load(config);
    Progress progress = new ConsoleProgress(System.err);
    Relations relations = RelationsArtifacts.read(artifacts);
    Dataset dataset = DatasetReader.read(data, progress);
    DataWindow window = RecallData.window(dataset, relations);
    List<HeldOutRequest> all = HeldOutRequests.of(dataset, window);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("the held-out days have no request with a positive");
    }
    List<HeldOutRequest> sample = new ArrayList<>(requests);
    for (int i = 0; i < requests; i++) {
      sample.add(all.get((int) ((long) i * all.size() / requests)));
    }
    FeatureStore store = features.open(features.config(), () -> dataset, window, progress);
    RecallBenchmark.Result result;
    try (store) {
      try (RecallRuntime runtime =
              RecallRuntime.create(recallConfig, relations, store, false, Clock.systemUTC());
          RecallServer server =
              new RecallServer(
                  new InetSocketAddress("127.0.0.1", 0), recallConfig.serverThreads())) {
        server.serve(runtime.engine());
        result = RecallBenchmark.run(server.port(), sample, k, warmup, progress);
      }
    }
    Map<String, Object> out = RecallBenchmark.json(result);
    out.put("features", features.inMemory() ? "memory" : "redis");
    JsonOutput.write(json, out);
    System.out.printf(
        Locale.ROOT,
        "recall K=%d over gRPC on loopback, %s features, %,d requests: p50 %.2f ms, p90 %.2f ms,"
            + " p99 %.2f ms, max %.2f ms, %.0f requests/s, %d errors%n",
        k,
        features.inMemory() ? "in-memory" : "Redis",
        result.requests(),
        result.merged().p50(),
        result.merged().p90(),
        result.merged().p99(),
        result.merged().max(),
        result.qps(),
        result.errors());
    result
        .routes()
        .forEach(
            (route, l) ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-8s p50 %.2f ms, p99 %.2f ms, dropped %d%n",
                    route,
                    l.p50(),
                    l.p99(),
                    result.routesDropped().getOrDefault(route, 0L)));
    result
        .stages()
        .forEach(
            (stage, l) ->
                System.out.printf(
                    Locale.ROOT,
                    "  server %-8s p50 %.2f ms, p99 %.2f ms%n",
                    stage,
                    l.p50(),
                    l.p99()));
    System.out.println("slowest route: " + result.slowestRoute());
    return 0;
  }
}
