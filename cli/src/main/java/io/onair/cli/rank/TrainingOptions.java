package io.onair.cli.rank;

import io.onair.ranking.graph.MatchTowerConfig;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.TrainingConfig;
import io.onair.ranking.train.TrainingRecipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The training options {@code train} and {@code compare rank} share (a picocli mixin). The
 * configuration of a model is built in three layers: the defaults (the recipe of docs/ranking.md),
 * then the config file ({@code --config}), then every flag given on the command line.
 */
final class TrainingOptions {
  @Option(
      names = "--config",
      paramLabel = "[MODEL=]FILE",
      description = {
        "A config file (JSON, format onair-ranking-config/1; keys in docs/ranking.md) over the",
        "defaults; flags given here override it. MODEL=FILE applies it to that model only",
        "(compare rank); repeatable."
      })
  List<String> configs = new ArrayList<>();

  @Option(
      names = "--no-live-statistics",
      description = {
        "Leave out the real-time anchor statistics (the rooms' last hour and day before each",
        "impression, docs/ranking.md), to measure what they add (default: with them)."
      })
  boolean noLiveStatistics;

  @Option(
      names = "--holdout-days",
      paramLabel = "N",
      description = "Hold out the last N days for evaluation (default: 2).")
  Integer holdoutDays;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = {
        "The most epochs; training stops earlier when the validation split has not improved",
        "for --patience epochs (default: " + TrainingConfig.DEFAULT_EPOCHS + ")."
      })
  Integer epochs;

  @Option(
      names = "--patience",
      paramLabel = "N",
      description =
          "Epochs without a better validation score before stopping (default: "
              + TrainingConfig.DEFAULT_PATIENCE
              + ").")
  Integer patience;

  @Option(
      names = "--validation-fraction",
      paramLabel = "F",
      description = {
        "Share of the training rows, the latest ones, kept to choose the epoch, stop early and fit",
        "the calibration; 0 = none (default: " + TrainingConfig.DEFAULT_VALIDATION_FRACTION + ")."
      })
  Double validationFraction;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Rows per training step (default: " + TrainingConfig.DEFAULT_BATCH_SIZE + ").")
  Integer batchSize;

  @Option(
      names = "--max-training-rows",
      paramLabel = "N",
      description = "Train on at most the N most recent rows; 0 = all (default: 0).")
  Integer maxTrainingRows;

  @Option(
      names = "--loss-weight",
      split = ",",
      paramLabel = "TARGET=W",
      description = "Loss weight per target (default 1 for binary targets, 0.1 for numeric ones).")
  Map<String, Double> lossWeights;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "TensorFlow intra-op threads (default: 1).")
  Integer threads;

  @Option(
      names = "--targets",
      split = ",",
      paramLabel = "T[<-P1+P2]",
      description = {
        "The target graph to model instead of the dataset's, e.g.",
        "click,follow<-click,purchase<-click (each target a label of the dataset)."
      })
  List<String> targets;

  @Option(
      names = "--dbmtl-towers",
      paramLabel = "conditional|marginal",
      description = {
        "DBMTL models: each child tower predicts P(child | parents) and the output is its product",
        "with the ancestors' (conditional, the default), or each tower its marginal (marginal)."
      })
  String dbmtlTowers;

  @Option(
      names = "--conditional-loss-weight",
      paramLabel = "W",
      description = {
        "DBMTL models with conditional towers: weight of the loss of each child's conditional",
        "on the rows where its parents are positive; 0 = the marginal loss only (default: 0)."
      })
  Double conditionalLossWeight;

  @Option(
      names = "--marginal-loss-weight",
      paramLabel = "W",
      description = {
        "DBMTL models with conditional towers: weight of each child's marginal (entire-space)",
        "loss; 0 = the conditional loss only."
      })
  Double marginalLossWeight;

  @Option(
      names = "--dropout",
      paramLabel = "RATE",
      description = "Dropout rate of every hidden layer while training; 0 = none.")
  Double dropout;

  @Option(
      names = "--embedding-l2",
      paramLabel = "W",
      description = "L2 penalty on the embedding rows a batch gathers; 0 = none.")
  Double embeddingL2;

  @Option(
      names = "--min-id-count",
      paramLabel = "N",
      description =
          "Ids seen fewer than N times in the training rows share an unknown row (default: 2).")
  Integer minIdCount;

  @Option(
      names = "--learning-rate-decay",
      paramLabel = "F",
      description = "Multiply both learning rates by F after every epoch (1 = constant).")
  Double learningRateDecay;

  @Option(
      names = "--refit",
      arity = "1",
      paramLabel = "true|false",
      description = {
        "After choosing the epoch on the validation split, train again on every training row for",
        "that many epochs and keep that model (default: " + TrainingConfig.DEFAULT_REFIT + ")."
      })
  Boolean refit;

  @Option(
      names = "--rank-tower",
      paramLabel = "MODEL",
      description = {
        "DMR and RUI models: the rank tower beside the match tower: dbmtl, shared-bottom, mmoe,",
        "esmm or dbmtl-mmoe (default: dbmtl)."
      })
  String rankTower;

  @Option(
      names = "--match-pooling",
      paramLabel = "sum|mean",
      description = {
        "dmr-pretrained: how the learned dot product and the per-modality pretrained ones are",
        "pooled (default: mean)."
      })
  String matchPooling;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the initial weights and the shuffling (default: 1).")
  Long seed;

  /**
   * The recipe of {@code kind}: defaults, then the config files that apply to it, then the flags.
   *
   * @throws IllegalArgumentException for a bad file, flag or value, naming it
   */
  TrainingRecipe recipe(ModelKind kind, List<String> scenarios) {
    TrainingRecipe recipe = TrainingRecipe.defaults(kind);
    for (String config : configs) {
      String[] parts = config.split("=", 2);
      if (parts.length == 2 && !parts[0].contains("/") && !parts[0].contains(".")) {
        if (ModelKind.parse(parts[0]) == kind) {
          recipe = recipe.read(Path.of(parts[1]));
        }
      } else {
        recipe = recipe.read(Path.of(config));
      }
    }
    ModelConfig model = recipe.model();
    TrainingConfig training = recipe.training();
    if (holdoutDays != null) {
      training = training.withHoldoutDays(holdoutDays);
    }
    if (epochs != null) {
      training = training.withEpochs(epochs);
    }
    if (patience != null) {
      training = training.withPatience(patience);
    }
    if (validationFraction != null) {
      training = training.withValidationFraction(validationFraction);
    }
    if (batchSize != null) {
      training = training.withBatchSize(batchSize);
    }
    if (maxTrainingRows != null) {
      training = training.withMaxTrainingRows(maxTrainingRows);
    }
    if (threads != null) {
      training = training.withIntraOpThreads(threads);
    }
    if (refit != null) {
      training = training.withRefit(refit);
    }
    if (learningRateDecay != null) {
      training = training.withLearningRateDecay(learningRateDecay);
    }
    if (seed != null) {
      training = training.withSeed(seed);
      model = model.withSeed(seed);
    }
    if (!scenarios.isEmpty()) {
      training = training.withTrainingScenarios(scenarios);
    }
    if (lossWeights != null) {
      model = model.withLossWeights(lossWeights);
    }
    if (dbmtlTowers != null || conditionalLossWeight != null) {
      boolean conditional = model.conditionalTowers();
      if (dbmtlTowers != null) {
        conditional =
            switch (dbmtlTowers) {
              case "conditional" -> true;
              case "marginal" -> false;
              default ->
                  throw new IllegalArgumentException(
                      "--dbmtl-towers must be conditional or marginal, got '" + dbmtlTowers + "'");
            };
      }
      model =
          model.withBayesianHead(
              conditional,
              conditionalLossWeight != null
                  ? conditionalLossWeight
                  : model.conditionalLossWeight());
    }
    if (marginalLossWeight != null) {
      model = model.withMarginalLossWeight(marginalLossWeight);
    }
    ModelConfig.Regularization r = model.regularization();
    model =
        model.withRegularization(
            new ModelConfig.Regularization(
                dropout != null ? dropout : r.dropout(),
                embeddingL2 != null ? embeddingL2 : r.embeddingL2(),
                minIdCount != null ? minIdCount : r.minIdCount()));
    MatchTowerConfig match = model.match();
    if (rankTower != null) {
      match = match.withRankTower(ModelKind.parse(rankTower));
    }
    if (matchPooling != null) {
      match = match.withPooling(MatchTowerConfig.Pooling.parse(matchPooling));
    }
    model = model.withMatchTower(match);
    if (targets != null && !targets.isEmpty()) {
      model = model.withTargets(TrainingRecipe.parseTargets(targets));
    }
    return new TrainingRecipe(model, training);
  }

  /**
   * The held-out days every model of one run shares (the dataset is encoded and split once): the
   * flag, else what the config files say, else the default.
   *
   * @throws IllegalArgumentException when the models' recipes disagree
   */
  static int holdoutDays(List<TrainingRecipe> recipes) {
    Integer days = null;
    for (TrainingRecipe recipe : recipes) {
      int value = recipe.training().holdoutDays();
      if (days != null && days != value) {
        throw new IllegalArgumentException(
            "the models' config files hold out different days (" + days + " and " + value + ")");
      }
      days = value;
    }
    return days == null ? TrainingConfig.defaults().holdoutDays() : days;
  }
}
