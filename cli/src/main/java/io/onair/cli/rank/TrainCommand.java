package io.onair.cli.rank;

import io.onair.cli.JsonOutput;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.read.DatasetReader;
import io.onair.ranking.RankingJob;
import io.onair.ranking.export.ModelArtifacts;
import io.onair.ranking.export.ModelCard;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.TrainingRecipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair train}: trains one ranking model and exports it as a SavedModel with its card. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a ranking model and exports it as a SavedModel with its model card.",
      "Trains on the days before the held-out ones, evaluates on them after every epoch, and",
      "exports to ARTIFACTS/ranking/NAME/ (saved-model/, vocabulary.json, model-card.json).",
      "Models: single-task, shared-bottom, mmoe, esmm, dbmtl, dbmtl-mmoe, dbmtl-multiscenario;",
      "with a match tower beside the rank tower (--rank-tower): dmr, dmr-pretrained (needs",
      "ARTIFACTS/pretrain from onair pretrain), rui-v1, rui-v2, rui-v3."
    })
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where ranking/NAME/ is written.")
  Path artifacts;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "The architecture.")
  String model;

  @Option(
      names = "--scenarios",
      split = ",",
      paramLabel = "S",
      description =
          "Train on these scenarios only (default: all), e.g. tab for a tab-only baseline.")
  List<String> scenarios = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The exported model's name (default: MODEL, or MODEL.S1.S2 with --scenarios).")
  String name;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the model card here.")
  Path json;

  @Option(
      names = "--print-config",
      description =
          "Print the effective configuration (defaults, --config, flags) as a config file and exit.")
  boolean printConfig;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() {
    ModelKind kind = ModelKind.parse(model);
    String artifactName = name != null ? name : defaultName(model, scenarios);
    ModelArtifacts.modelDirectory(artifacts, artifactName); // checks the name before any work
    TrainingRecipe recipe = options.recipe(kind, scenarios);
    if (printConfig) {
      System.out.println(recipe.toJson());
      return 0;
    }
    var config = recipe.model();
    RankingJob.requirePretrained(kind, artifacts);
    var training = recipe.training();
    ConsoleProgress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    config.resolveTargets(dataset.targets()); // a bad configuration fails before encoding
    RankingJob.Prepared prepared =
        RankingJob.prepare(dataset, training.holdoutDays(), !options.noLiveStatistics, progress);
    System.err.println(
        "train: " + artifactName + " (" + kind.wireName() + ") on " + prepared.window());
    ModelCard card =
        RankingJob.trainAndExport(
            prepared, artifactName, config, training, artifacts, progress, System.err::println);
    if (card.holdout() != null) {
      System.out.print(card.holdout().render());
    }
    System.out.println("exported " + ModelArtifacts.modelDirectory(artifacts, artifactName));
    JsonOutput.write(json, card);
    return 0;
  }

  static String defaultName(String model, List<String> scenarios) {
    return scenarios.isEmpty() ? model : model + "." + String.join(".", scenarios);
  }
}
