package io.onair.cli.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.onair.cli.JsonOutput;
import io.onair.cli.options.FeatureStoreOptions;
import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.config.GatewayConfigLoader;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair bench e2e}: the gateway over gRPC under a fixed concurrency. */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    resourceBundle = "io.onair.cli.serve.BenchE2eCommand",
    description = {
      "Serves recall, ranking and the gateway in this process (loopback gRPC, as onair serve all)",
      "and replays the dataset's held-out requests against the gateway at a fixed concurrency:",
      "throughput, latency percentiles, errors, fallbacks, each stage's latency, and the gateway's",
      "overhead (client latency minus the sum of its stages). Recall returns --candidates",
      "anchors and ranking scores all of them."
    })
public final class BenchE2eCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "relations/ and ranking/ (onair relations, onair train).")
  Path artifacts;

  @Mixin FeatureStoreOptions features;

  @Option(
      names = "--candidates",
      defaultValue = "500",
      paramLabel = "K",
      description =
          "Anchors recall returns and ranking scores per request (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(
      names = "--count",
      defaultValue = "20",
      paramLabel = "N",
      description = "Items asked per request (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--requests",
      defaultValue = "2000",
      paramLabel = "N",
      description = "Measured requests (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--warm-up",
      defaultValue = "300",
      paramLabel = "N",
      description = "Requests before measuring (default: ${DEFAULT-VALUE}).")
  int warmUp;

  @Option(
      names = "--concurrency",
      defaultValue = "4",
      paramLabel = "C",
      description = "Calls in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--deadline-ms",
      defaultValue = "1000",
      paramLabel = "MS",
      description = "Each call's deadline, also the gateway's cap (default: ${DEFAULT-VALUE}).")
  long deadlineMillis;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Order of the replayed requests (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result here.")
  Path json;

  @Override
  public Integer call() throws Exception {
    if (candidates < 1 || candidates > 2000) {
      throw new IllegalArgumentException("--candidates must be 1 to 2000, got " + candidates);
    }
    ConsoleProgress progress = new ConsoleProgress(System.err);
    Relations relations = RelationsArtifacts.read(artifacts);
    Dataset dataset = DatasetReader.read(data, progress);
    DataWindow window = relations.window();
    List<HeldOutRequest> replay = new ArrayList<>(HeldOutRequests.of(dataset, window));
    Collections.shuffle(replay, new Random(seed));

    Map<String, Object> gatewaySettings = new LinkedHashMap<>();
    gatewaySettings.put("recallCount", candidates);
    gatewaySettings.put("rankMaxCandidates", candidates);
    gatewaySettings.put("maxDeadlineMillis", deadlineMillis);
    gatewaySettings.put("maxCount", Math.max(count, GatewayConfig.defaults().maxCount()));
    GatewayConfig gateway =
        GatewayConfigLoader.parse(new ObjectMapper().writeValueAsString(gatewaySettings));
    ServingStack.Settings settings =
        new ServingStack.Settings(
            artifacts,
            RecallConfig.defaults(),
            RankingConfig.defaults(),
            gateway,
            0,
            0,
            0,
            -1,
            "127.0.0.1");
    try (FeatureStore store =
        features.open(
            features.config(gateway.exposureWindowSeconds()), () -> dataset, window, progress)) {
      try (ServingStack stack = ServingStack.start(settings, store)) {
        System.err.printf(
            "bench e2e: gateway %d, recall %d, ranking %d on loopback; %d held-out requests%n",
            stack.gatewayPort(), stack.recallPort(), stack.rankingPort(), replay.size());
        EndToEndBenchmark.Result result =
            EndToEndBenchmark.run(
                new EndToEndBenchmark.Plan(
                    stack.gatewayPort(),
                    replay,
                    count,
                    warmUp,
                    requests,
                    concurrency,
                    deadlineMillis),
                progress);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "e2e");
        out.put("dataset", dataset.manifest().name());
        out.put("features", features.inMemory() ? "memory" : "redis");
        out.put("candidates", candidates);
        out.put("count", count);
        out.put(
            "model", stack.ranking().registry().version(RankingConfig.defaults().defaultModel()));
        out.putAll(EndToEndBenchmark.json(result));
        System.out.print(EndToEndBenchmark.render(result));
        JsonOutput.write(json, out);
      }
    }
    return 0;
  }
}
