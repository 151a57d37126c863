package io.onair.cli.rank;

import io.onair.cli.JsonOutput;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.read.DatasetReader;
import io.onair.ranking.RankingJob;
import io.onair.ranking.eval.EvaluationReport;
import io.onair.ranking.eval.LearningCurves;
import io.onair.ranking.eval.ModelComparison;
import io.onair.ranking.eval.SeedSummary;
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
      "OUT/comparison.md, OUT/comparison.json, OUT/auc.png (AUC per target per model) and",
      "OUT/curves/NAME.png per model (its learning curves: log loss and AUC per epoch on the",
      "training sample, the validation split and the held-out days, the kept epoch marked)."
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

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "1",
      description = {
        "Repeat the comparison with N seeds (--seed, --seed + 1, ...); with N > 1 each seed's",
        "tables go to OUT/seed-S/ and OUT/summary.md holds mean ± std per model and target",
        "(default: 1)."
      })
  int seeds;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() {
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
    }
    List<String[]> specs = new ArrayList<>();
    List<TrainingRecipe> recipes = new ArrayList<>();
    for (String spec : models) {
      String[] parts = spec.split("@", 2);
      ModelKind kind = ModelKind.parse(parts[0]);
      // every name, and the pretrained vectors a model needs, is checked before any training
      RankingJob.requirePretrained(kind, artifacts);
      specs.add(parts);
      List<String> scenarios = parts.length > 1 ? Arrays.asList(parts[1].split("\\+")) : List.of();
      recipes.add(options.recipe(kind, scenarios));
    }
    ConsoleProgress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    for (TrainingRecipe recipe : recipes) {
      recipe.model().resolveTargets(dataset.targets());
    }
    int holdoutDays = TrainingOptions.holdoutDays(recipes);
    RankingJob.Prepared prepared =
        RankingJob.prepare(dataset, holdoutDays, !options.noLiveStatistics, progress);
    long firstSeed = recipes.get(0).training().seed();
    List<Long> seedList = new ArrayList<>();
    List<List<EvaluationReport>> runs = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      long seed = firstSeed + i;
      List<ModelCard> cards = compare(prepared, specs, recipes, holdoutDays, seed, progress);
      List<EvaluationReport> reports = cards.stream().map(CompareRankCommand::holdout).toList();
      ModelComparison comparison = new ModelComparison(dataset.manifest().name(), reports);
      Path directory = seeds == 1 ? out : out.resolve("seed-" + seed);
      comparison.write(directory);
      cards.forEach(card -> writeCurves(card, directory.resolve("curves")));
      if (seeds == 1) {
        System.out.print(comparison.markdown());
      }
      seedList.add(seed);
      runs.add(reports);
    }
    if (seeds > 1) {
      SeedSummary summary = new SeedSummary(dataset.manifest().name(), seedList, runs);
      summary.write(out);
      System.out.print(summary.markdown());
    }
    JsonOutput.write(json, seeds == 1 ? runs.get(0) : runs);
    return 0;
  }

  /**
   * Trains, exports and evaluates every model of {@code specs}, with its recipe, under {@code
   * seed}: the exported models' cards, in order.
   */
  private List<ModelCard> compare(
      RankingJob.Prepared prepared,
      List<String[]> specs,
      List<TrainingRecipe> recipes,
      int holdoutDays,
      long seed,
      ConsoleProgress progress) {
    List<ModelCard> cards = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      String[] spec = specs.get(i);
      List<String> scenarios = spec.length > 1 ? Arrays.asList(spec[1].split("\\+")) : List.of();
      String name = TrainCommand.defaultName(spec[0], scenarios);
      System.err.println(
          "compare: training " + name + " on " + prepared.window() + " (seed " + seed + ")");
      TrainingRecipe recipe = recipes.get(i);
      cards.add(
          RankingJob.trainAndExport(
              prepared,
              name,
              recipe.model().withSeed(seed),
              recipe.training().withHoldoutDays(holdoutDays).withSeed(seed),
              artifacts,
              progress,
              System.err::println));
    }
    return cards;
  }

  /** A card's held-out evaluation under the model's name, as the comparison lists it. */
  private static EvaluationReport holdout(ModelCard card) {
    EvaluationReport holdout = card.holdout();
    return new EvaluationReport(
        card.name(), holdout.samples(), holdout.window(), holdout.targets(), holdout.scenarios());
  }

  /** Writes {@code directory/NAME.png}, the learning curves of the model a card describes. */
  private static void writeCurves(ModelCard card, Path directory) {
    LearningCurves curves = LearningCurves.of(card);
    if (curves.targets().isEmpty()) {
      System.err.println("compare: " + card.name() + " has no learning curves to plot");
      return;
    }
    curves.write(directory.resolve(card.name() + ".png"));
  }
}
