package io.onair.cli.rank;

import io.onair.cli.JsonOutput;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.read.DatasetReader;
import io.onair.ranking.RankingJob;
import io.onair.ranking.eval.EvaluationReport;
import io.onair.ranking.eval.ModelComparison;
import io.onair.ranking.export.ModelCard;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.TrainingRecipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onair compare rank}: trains and evaluates several models on one dataset, side by side. */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    description = {
      "Trains and evaluates several ranking models on one dataset, side by side.",
      "Encodes the dataset once, trains and exports each model (MODEL or MODEL@S1+S2 to train on",
      "those scenarios only, e.g. dbmtl@tab), evaluates each on the held-out days, and writes",
      "OUT/comparison.md, OUT/comparison.json and OUT/auc.png (AUC per target per model)."
    })
public final class CompareRankCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where ranking/NAME/ is written.")
  Path artifacts;

  @Option(
      names = "--models",
      required = true,
      split = ",",
      paramLabel = "MODEL",
      description = "The models to compare.")
  List<String> models;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where the tables and the plot go.")
  Path out;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the comparison JSON here.")
  Path json;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() {
    List<String[]> specs = new ArrayList<>();
    for (String spec : models) {
      String[] parts = spec.split("@", 2);
      // every name, and the pretrained vectors a model needs, is checked before any training
      RankingJob.requirePretrained(ModelKind.parse(parts[0]), artifacts);
      specs.add(parts);
    }
    ConsoleProgress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    List<ModelKind> kinds = new ArrayList<>();
    for (String[] spec : specs) {
      kinds.add(ModelKind.parse(spec[0]));
      options.recipe(ModelKind.parse(spec[0]), List.of()).model().resolveTargets(dataset.targets());
    }
    int holdoutDays = options.holdoutDays(kinds);
    RankingJob.Prepared prepared = RankingJob.prepare(dataset, holdoutDays, progress);
    List<EvaluationReport> reports = new ArrayList<>();
    for (String[] spec : specs) {
      ModelKind kind = ModelKind.parse(spec[0]);
      List<String> scenarios = spec.length > 1 ? Arrays.asList(spec[1].split("\\+")) : List.of();
      String name = TrainCommand.defaultName(spec[0], scenarios);
      System.err.println("compare: training " + name + " on " + prepared.window());
      TrainingRecipe recipe = options.recipe(kind, scenarios);
      ModelCard card =
          RankingJob.trainAndExport(
              prepared,
              name,
              recipe.model(),
              recipe.training().withHoldoutDays(holdoutDays),
              artifacts,
              progress,
              System.err::println);
      EvaluationReport holdout = card.holdout();
      reports.add(
          new EvaluationReport(
              name, holdout.samples(), holdout.window(), holdout.targets(), holdout.scenarios()));
    }
    ModelComparison comparison = new ModelComparison(dataset.manifest().name(), reports);
    comparison.write(out);
    System.out.print(comparison.markdown());
    JsonOutput.write(json, reports);
    return 0;
  }
}
