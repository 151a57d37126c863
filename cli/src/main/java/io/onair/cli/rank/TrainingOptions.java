package io.onair.cli.rank;

import io.onair.dataset.manifest.TargetKind;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.ranking.graph.MatchTowerConfig;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The training options {@code train} and {@code compare rank} share (a picocli mixin). */
final class TrainingOptions {
  @Option(
      names = "--holdout-days",
      defaultValue = "2",
      paramLabel = "N",
      description = "Hold out the last N days for evaluation (default: ${DEFAULT-VALUE}).")
  int holdoutDays;

  @Option(
      names = "--epochs",
      defaultValue = "2",
      paramLabel = "N",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--batch-size",
      defaultValue = "512",
      paramLabel = "N",
      description = "Rows per training step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--max-training-rows",
      defaultValue = "0",
      paramLabel = "N",
      description = "Train on at most the N most recent rows; 0 = all (default: ${DEFAULT-VALUE}).")
  int maxTrainingRows;

  @Option(
      names = "--loss-weight",
      split = ",",
      paramLabel = "TARGET=W",
      description = "Loss weight per target (default 1 for binary targets, 0.1 for numeric ones).")
  Map<String, Double> lossWeights = new LinkedHashMap<>();

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "TensorFlow intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--targets",
      split = ",",
      paramLabel = "T[<-P1+P2]",
      description = {
        "The target graph to model instead of the dataset's, e.g.",
        "click,follow<-click,purchase<-click (each target a label of the dataset)."
      })
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--dbmtl-towers",
      defaultValue = "conditional",
      paramLabel = "conditional|marginal",
      description = {
        "DBMTL models: each child tower predicts P(child | parents) and the output is its product",
        "with the ancestors' (conditional, the default), or each tower its marginal (marginal)."
      })
  String dbmtlTowers;

  @Option(
      names = "--conditional-loss-weight",
      defaultValue = "1",
      paramLabel = "W",
      description = {
        "DBMTL models with conditional towers: weight of an extra loss of each child's conditional",
        "on the rows where its parents are positive; 0 = the marginal loss only",
        "(default: ${DEFAULT-VALUE})."
      })
  double conditionalLossWeight;

  @Option(
      names = "--rank-tower",
      defaultValue = "dbmtl",
      paramLabel = "MODEL",
      description = {
        "DMR and RUI models: the rank tower beside the match tower: dbmtl, shared-bottom, mmoe,",
        "esmm or dbmtl-mmoe (default: ${DEFAULT-VALUE})."
      })
  String rankTower;

  @Option(
      names = "--match-pooling",
      defaultValue = "mean",
      paramLabel = "sum|mean",
      description = {
        "dmr-pretrained: how the learned dot product and the per-modality pretrained ones are",
        "pooled (default: ${DEFAULT-VALUE})."
      })
  String matchPooling;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
  long seed;

  TrainingConfig training(List<String> scenarios) {
    return new TrainingConfig(
        epochs, batchSize, holdoutDays, scenarios, maxTrainingRows, threads, seed);
  }

  ModelConfig model(ModelKind kind) {
    boolean conditional =
        switch (dbmtlTowers) {
          case "conditional" -> true;
          case "marginal" -> false;
          default ->
              throw new IllegalArgumentException(
                  "--dbmtl-towers must be conditional or marginal, got '" + dbmtlTowers + "'");
        };
    ModelConfig config =
        ModelConfig.defaults(kind)
            .withLossWeights(lossWeights)
            .withSeed(seed)
            .withBayesianHead(conditional, conditionalLossWeight)
            .withMatchTower(
                MatchTowerConfig.defaults()
                    .withRankTower(ModelKind.parse(rankTower))
                    .withPooling(MatchTowerConfig.Pooling.parse(matchPooling)));
    if (targets.isEmpty()) {
      return config;
    }
    List<TargetSpec> specs = new ArrayList<>();
    for (String target : targets) {
      String[] parts = target.split("<-", 2);
      List<String> parents =
          parts.length == 1 ? List.of() : Arrays.asList(parts[1].trim().split("\\+"));
      specs.add(new TargetSpec(parts[0].trim(), parents, TargetKind.defaultFor(parts[0].trim())));
    }
    return config.withTargets(specs);
  }
}
