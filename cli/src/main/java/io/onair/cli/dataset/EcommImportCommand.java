package io.onair.cli.dataset;

import io.onair.cli.JsonOutput;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.importer.ecomm.EcommImportConfig;
import io.onair.importer.ecomm.EcommImportSummary;
import io.onair.importer.ecomm.EcommImporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair import ecomm}: the CIKM 2019 EComm files as live rooms (one per cate_id). */
@Command(
    name = "ecomm",
    mixinStandardHelpOptions = true,
    description = {
      "Converts the CIKM 2019 EComm files (ecomm_edge_train.txt, ecomm_item_feature.txt,",
      "ecomm_user_feature.txt) into onair-dataset/1: each cate_id becomes a live room selling",
      "that category; impressions are built from each user's day of activity. See",
      "docs/import-ecomm.md."
    })
public final class EcommImportCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "DIR", description = "The EComm folder.")
  Path in;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The dataset to write.")
  Path out;

  @Option(
      names = "--negatives-per-positive",
      defaultValue = "" + EcommImportConfig.DEFAULT_NEGATIVES_PER_POSITIVE,
      paramLabel = "N",
      description = "Rooms shown but not entered per entered room (default: ${DEFAULT-VALUE}).")
  int negativesPerPositive;

  @Option(
      names = "--seed",
      defaultValue = "" + EcommImportConfig.DEFAULT_SEED,
      paramLabel = "S",
      description = "Seed of the negative sampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scenario",
      defaultValue = EcommImportConfig.DEFAULT_SCENARIO,
      paramLabel = "NAME",
      description =
          "The scenario of the impressions: channel, app or tab (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON.")
  Path json;

  @Override
  public Integer call() {
    EcommImportConfig config = new EcommImportConfig(negativesPerPositive, seed, scenario);
    EcommImportSummary summary =
        EcommImporter.importInto(in, out, config, new ConsoleProgress(System.err));
    System.out.printf(
        java.util.Locale.ROOT,
        "imported %s .. %s into %s: %,d users, %,d rooms (anchors), %,d items, %,d item events,"
            + " %,d follows, %,d impressions in %,d requests (click %,d, follow %,d, cart %,d,"
            + " purchase %,d)%n",
        summary.firstDay(),
        summary.lastDay(),
        out,
        summary.users(),
        summary.anchors(),
        summary.items(),
        summary.itemEvents(),
        summary.follows(),
        summary.impressions(),
        summary.requests(),
        summary.clickLabels(),
        summary.followLabels(),
        summary.cartLabels(),
        summary.purchaseLabels());
    JsonOutput.write(json, summary);
    return 0;
  }
}
