package io.onair.cli.recall;

import io.onair.cli.JsonOutput;
import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import io.onair.relations.RelationsConfig;
import io.onair.relations.RelationsJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair relations}: the offline relations the recall routes read. */
@Command(
    name = "relations",
    mixinStandardHelpOptions = true,
    description = {
      "Builds A2A (co-watching item-CF), I2I (co-interaction item-CF), item -> anchors, popularity",
      "per scenario and the per-user histories from the days before the held-out ones, into",
      "ARTIFACTS/relations/ (versioned; relations.json records the data window)."
    })
public final class RelationsCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where relations/ is written.")
  Path artifacts;

  @Option(
      names = "--holdout-days",
      defaultValue = "0",
      paramLabel = "N",
      description = "Leave the last N days out (default: ${DEFAULT-VALUE}).")
  int holdoutDays;

  @Option(
      names = "--neighbours",
      defaultValue = "" + RelationsConfig.DEFAULT_ANCHOR_NEIGHBOURS,
      paramLabel = "N",
      description = "A2A neighbours kept per anchor (default: ${DEFAULT-VALUE}).")
  int anchorNeighbours;

  @Option(
      names = "--item-neighbours",
      defaultValue = "" + RelationsConfig.DEFAULT_ITEM_NEIGHBOURS,
      paramLabel = "N",
      description = "I2I neighbours kept per item (default: ${DEFAULT-VALUE}).")
  int itemNeighbours;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary here.")
  Path json;

  @Override
  public Integer call() {
    RelationsConfig config =
        new RelationsConfig(
            anchorNeighbours,
            itemNeighbours,
            RelationsConfig.DEFAULT_MAX_BASKET,
            RelationsConfig.DEFAULT_POPULARITY_HALF_LIFE_DAYS);
    Progress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    DataWindow window = DataWindow.of(dataset, holdoutDays);
    RelationsJob.Build build = RelationsJob.run(dataset, window, config, progress);
    Path written = RelationsArtifacts.write(build, config, artifacts);
    Relations r = build.relations();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("version", r.version());
    summary.put("dataset", r.dataset());
    summary.put("window", RelationsArtifacts.window(window));
    summary.put("a2a_pairs", r.anchorNeighbours().pairCount());
    summary.put("i2i_pairs", r.itemNeighbours().pairCount());
    summary.put("item_anchor_pairs", r.itemAnchors().pairCount());
    summary.put("histories", build.histories().size());
    summary.put("directory", written.toString());
    JsonOutput.write(json, summary);
    System.out.printf(
        Locale.ROOT,
        "relations %s of %s: %,d A2A pairs, %,d I2I pairs, %,d item->anchor pairs, %,d user"
            + " histories into %s; window %s%n",
        r.version(),
        r.dataset(),
        r.anchorNeighbours().pairCount(),
        r.itemNeighbours().pairCount(),
        r.itemAnchors().pairCount(),
        build.histories().size(),
        written,
        window);
    return 0;
  }
}
