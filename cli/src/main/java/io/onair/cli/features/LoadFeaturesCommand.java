package io.onair.cli.features;

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
import io.onair.recall.vector.UserVectorLoader;
import io.onair.vectors.PretrainedVectors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair features load}: a dataset's online features into Redis. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Loads user profiles, anchors, live sessions and user histories (follows, watched anchors,",
      "items; from before the held-out days) into the feature store, replacing what was there",
      "for those users and anchors. With pretrained vectors in the artifacts directory (onair",
      "pretrain) it also loads every user's vectors of the current version, which the vector",
      "routes read. Writes features-load.json into the artifacts directory."
    })
public final class LoadFeaturesCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description =
          "Where the load's record (features-load.json) is written, and the pretrained vectors"
              + " are read from, when there are any.")
  Path artifacts;

  @Option(
      names = "--redis",
      required = true,
      paramLabel = "URL",
      description = "redis://host:port[/db] or redis-cluster://host:port[,host:port...]")
  String redis;

  @Option(
      names = "--holdout-days",
      defaultValue = "0",
      paramLabel = "N",
      description = "Leave the last N days out of the histories (default: ${DEFAULT-VALUE}).")
  int holdoutDays;

  @Option(
      names = "--namespace",
      defaultValue = FeatureStoreConfig.DEFAULT_NAMESPACE,
      paramLabel = "NAME",
      description = "The key prefix (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report here.")
  Path json;

  @Override
  public Integer call() {
    if (!redis.startsWith("redis://") && !redis.startsWith("redis-cluster://")) {
      throw new IllegalArgumentException(
          "--redis must be redis://host:port[/db] or redis-cluster://host:port[,...], got '"
              + redis
              + "'");
    }
    Progress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    DataWindow window = DataWindow.of(dataset, holdoutDays);
    DatasetFeatureLoader.LoadReport report;
    long userVectors = 0;
    String vectorVersion = null;
    try (FeatureStore store =
        FeatureStores.open(redis, FeatureStoreConfig.defaults().withNamespace(namespace))) {
      report = DatasetFeatureLoader.load(dataset, window, store, progress);
      if (PretrainedVectors.exists(artifacts)) {
        PretrainedVectors vectors = PretrainedVectors.load(artifacts);
        userVectors = UserVectorLoader.load(vectors, store, progress);
        vectorVersion = vectors.version();
      }
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("dataset", dataset.manifest().name());
    record.put("data", data.toAbsolutePath().toString());
    record.put("redis", redis);
    record.put("namespace", namespace);
    record.put(
        "window",
        Map.of(
            "start", window.start(),
            "holdout_start", window.holdoutStart(),
            "end", window.end(),
            "holdout_days", window.holdoutDays()));
    record.put("loaded", report);
    record.put("user_vectors", userVectors);
    record.put("user_vectors_version", vectorVersion);
    record.put("loaded_at", Instant.now().toString());
    JsonOutput.write(artifacts.resolve("features-load.json"), record);
    JsonOutput.write(json, record);
    System.out.printf(
        java.util.Locale.ROOT,
        "loaded %,d user profiles, %,d anchors, %,d live sessions, %,d histories (%,d entries),"
            + " %,d room events of the last day into %s (namespace %s); window %s%n",
        report.userProfiles(),
        report.anchors(),
        report.liveSessions(),
        report.histories(),
        report.historyEntries(),
        report.activityEvents(),
        redis,
        namespace,
        window);
    if (vectorVersion != null) {
      System.out.printf(
          java.util.Locale.ROOT,
          "loaded %,d user vectors of pretrained version %s%n",
          userVectors,
          vectorVersion);
    }
    return 0;
  }
}
