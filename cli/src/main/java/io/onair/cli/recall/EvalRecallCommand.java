package io.onair.cli.recall;

import io.onair.cli.JsonOutput;
import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.config.RecallConfigLoader;
import io.onair.recall.engine.RecallRuntime;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import io.onair.recall.eval.RecallEvaluator;
import io.onair.recall.vector.UserVectorLoader;
import io.onair.recall.vector.VectorArtifacts;
import io.onair.recall.vector.VectorRoute;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair eval recall}: recall quality per route and merged, on the held-out days. */
@Command(
    name = "recall",
    mixinStandardHelpOptions = true,
    description = {
      "Replays every held-out request with a positive (click, or the 10-second view in swipe) at",
      "its own time through the recall engine, merged and route by route, and reports hit rate,",
      "recall, candidates and coverage per route (contracts.md section 4). Features come from an",
      "in-memory store filled from --data with the relations' window. With pretrained vectors in",
      "--artifacts (onair pretrain), the vector routes (VEC_*) run too, their user vectors put into",
      "the same store the way the service reads them, and the merge of the relation routes alone",
      "is reported beside the full merge."
    })
public final class EvalRecallCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where onair relations wrote relations/.")
  Path artifacts;

  @Option(
      names = "--k",
      defaultValue = "200",
      paramLabel = "K",
      description = "Top K (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--config", paramLabel = "FILE", description = "Recall configuration (JSON).")
  Path config;

  @Option(
      names = "--live-replay",
      description = "Also replay every held-out request at its own time, live anchors only.")
  boolean liveReplay;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result here.")
  Path json;

  @Override
  public Integer call() {
    if (k < 1) {
      throw new IllegalArgumentException("--k must be positive, got " + k);
    }
    // Machine noise must not decide quality: routes get generous time limits here; the latency
    // of the configured limits is what onair bench recall measures.
    RecallConfig recallConfig =
        RecallConfigLoader.load(config).withRouteTimeLimits(60_000, 600_000);
    if (k > recallConfig.maxCount()) {
      throw new IllegalArgumentException(
          "--k must be at most the configured maxCount " + recallConfig.maxCount() + ", got " + k);
    }
    Progress progress = new ConsoleProgress(System.err);
    Relations relations = RelationsArtifacts.read(artifacts);
    Dataset dataset = DatasetReader.read(data, progress);
    DataWindow window = RecallData.window(dataset, relations);
    List<HeldOutRequest> requests = HeldOutRequests.of(dataset, window);
    Optional<VectorArtifacts> vectors = VectorArtifacts.load(artifacts);
    List<String> routes = new ArrayList<>(RecallConfig.STANDARD_ROUTES);
    vectors.ifPresent(
        v -> v.vectors().modalities().forEach(m -> routes.add(VectorRoute.routeName(m))));
    RecallEvaluator.Report report;
    RecallEvaluator.Report relationsOnly = null;
    RecallEvaluator.Report liveReport = null;
    try (FeatureStore store = FeatureStores.open("memory", FeatureStoreConfig.defaults())) {
      DatasetFeatureLoader.load(dataset, window, store, progress);
      if (vectors.isPresent()) {
        UserVectorLoader.load(vectors.get().vectors(), store, progress);
      }
      // The user-level protocol of contracts.md: one top-K list per user for the whole held-out
      // period, so no single second's live set applies.
      List<HeldOutRequest> perUser = HeldOutRequests.perUser(requests);
      try (RecallRuntime runtime =
          RecallRuntime.create(
              recallConfig,
              relations.withEveryAnchorLive(),
              store,
              false,
              Clock.systemUTC(),
              vectors)) {
        report = RecallEvaluator.evaluate(runtime.engine(), perUser, k, routes, progress);
      }
      if (vectors.isPresent()) {
        // The same merge without the vector routes: what they add to it.
        try (RecallRuntime runtime =
            RecallRuntime.create(
                recallConfig, relations.withEveryAnchorLive(), store, false, Clock.systemUTC())) {
          relationsOnly =
              RecallEvaluator.evaluate(runtime.engine(), perUser, k, List.of(), progress);
        }
      }
      if (liveReplay) {
        try (RecallRuntime runtime =
            RecallRuntime.create(
                recallConfig, relations, store, false, Clock.systemUTC(), vectors)) {
          liveReport = RecallEvaluator.evaluate(runtime.engine(), requests, k, routes, progress);
        }
      }
    }
    Map<String, Object> result = RecallEvaluator.json(report, RelationsArtifacts.window(window));
    result.put("requests", requests.size());
    if (relationsOnly != null) {
      Map<String, Object> relationMerge =
          RecallEvaluator.json(relationsOnly, RelationsArtifacts.window(window));
      result.put("merged_relation_routes", relationMerge.get("merged"));
      result.put("pretrained_vectors", vectors.get().vectors().version());
    }
    result.put(
        "protocol",
        "user: one top-K list per user over every anchor, at the time of the"
            + " user's first held-out request in their main scenario");
    if (liveReport != null) {
      Map<String, Object> live =
          RecallEvaluator.json(liveReport, RelationsArtifacts.window(window));
      live.put(
          "protocol",
          "request: every held-out request replayed at its own time, live"
              + " anchors only; a user's positive counts when found in the request it was positive in");
      result.put("live_replay", live);
    }
    JsonOutput.write(json, result);
    System.out.printf(
        Locale.ROOT,
        "recall@%d on %,d users (%,d held-out requests with a positive), relations %s%n",
        k,
        report.users(),
        requests.size(),
        relations.version());
    print(report);
    if (relationsOnly != null) {
      RecallEvaluator.Score m = relationsOnly.merged();
      System.out.printf(
          Locale.ROOT,
          "%-12s %9.4f %9.4f %11.1f %9.4f   (the relation routes alone, for comparison)%n",
          "merged-rel",
          m.hitRate(),
          m.recall(),
          m.candidatesMean(),
          m.coverage());
    }
    if (liveReport != null) {
      System.out.println(
          "live replay (every held-out request at its own time, live anchors only):");
      print(liveReport);
    }
    return 0;
  }

  private static void print(RecallEvaluator.Report report) {
    System.out.printf(
        Locale.ROOT,
        "%-12s %9s %9s %11s %9s%n",
        "route",
        "hit_rate",
        "recall",
        "candidates",
        "coverage");
    report
        .routes()
        .forEach(
            (route, s) ->
                System.out.printf(
                    Locale.ROOT,
                    "%-12s %9.4f %9.4f %11.1f %9.4f%n",
                    route,
                    s.hitRate(),
                    s.recall(),
                    s.candidatesMean(),
                    s.coverage()));
    RecallEvaluator.Score m = report.merged();
    System.out.printf(
        Locale.ROOT,
        "%-12s %9.4f %9.4f %11.1f %9.4f%n",
        "merged",
        m.hitRate(),
        m.recall(),
        m.candidatesMean(),
        m.coverage());
  }
}
