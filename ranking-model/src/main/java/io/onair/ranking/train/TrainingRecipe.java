package io.onair.ranking.train;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.onair.dataset.manifest.TargetKind;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.ranking.graph.MatchTowerConfig;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One model's whole configuration, {@link ModelConfig} and {@link TrainingConfig}, as the config
 * file {@code onair train --config FILE} reads and {@code onair tune} writes (format {@value
 * #FORMAT}): one JSON object of snake_case keys, each a knob of either record; a key left out keeps
 * the default, an unknown key or a bad value is an error naming it. The same key names are written
 * into the model card ({@code model_config}, {@code training_config}), so a card's configuration
 * can be copied into a file. {@code seed} seeds both the initial weights and the shuffling.
 * Immutable.
 */
public record TrainingRecipe(ModelConfig model, TrainingConfig training) {
  public static final String FORMAT = "onair-ranking-config/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final Set<String> MODEL_KEYS =
      Set.of(
          "kind",
          "targets",
          "loss_weights",
          "embedding_dimension",
          "bottom_units",
          "tower_units",
          "relation_units",
          "experts",
          "expert_units",
          "learning_rate",
          "embedding_learning_rate",
          "conditional_towers",
          "conditional_loss_weight",
          "marginal_loss_weight",
          "conditional_loss_per_impression",
          "dropout",
          "embedding_l2",
          "min_id_count",
          "match_tower");
  private static final Set<String> TRAINING_KEYS =
      Set.of(
          "epochs",
          "batch_size",
          "holdout_days",
          "training_scenarios",
          "max_training_rows",
          "intra_op_threads",
          "validation_fraction",
          "patience",
          "learning_rate_decay",
          "refit");

  public TrainingRecipe {
    requireNonNull(model, "model is null");
    requireNonNull(training, "training is null");
  }

  /** The defaults for {@code kind}: the recipe docs/ranking.md settles on. */
  public static TrainingRecipe defaults(ModelKind kind) {
    return new TrainingRecipe(ModelConfig.defaults(kind), TrainingConfig.defaults());
  }

  /**
   * Reads a config file over this recipe: every key the file has replaces the knob; the others
   * stay.
   *
   * @throws IllegalArgumentException naming the file and the key, for an unreadable file, an
   *     unknown key, a bad value or a {@code kind} other than this recipe's model
   */
  public TrainingRecipe read(Path file) {
    requireNonNull(file, "file is null");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("config file " + file + " does not exist");
    }
    Map<String, Object> values;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> read = JSON.readValue(file.toFile(), LinkedHashMap.class);
      values = read;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "config file " + file + " is not a JSON object: " + firstLine(e.getMessage()), e);
    }
    try {
      return apply(values);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("config file " + file + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #read}, from the file's parsed object. */
  public TrainingRecipe apply(Map<String, Object> values) {
    requireNonNull(values, "values is null");
    ModelConfig m = model;
    TrainingConfig t = training;
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key.equals("format")) {
        if (!FORMAT.equals(value)) {
          throw new IllegalArgumentException("format must be " + FORMAT + ", got " + value);
        }
        continue;
      }
      try {
        if (key.equals("seed")) {
          m = m.withSeed(integer(value));
          t = t.withSeed(integer(value));
        } else if (MODEL_KEYS.contains(key)) {
          m = applyModel(m, key, value);
        } else if (TRAINING_KEYS.contains(key)) {
          t = applyTraining(t, key, value);
        } else {
          throw new IllegalArgumentException(
              "unknown key (the keys: seed, "
                  + sorted(MODEL_KEYS)
                  + ", "
                  + sorted(TRAINING_KEYS)
                  + ")");
        }
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
      }
    }
    return new TrainingRecipe(m, t);
  }

  private static ModelConfig applyModel(ModelConfig m, String key, Object value) {
    ModelConfig.Regularization r = m.regularization();
    return switch (key) {
      case "kind" -> {
        ModelKind kind = ModelKind.parse(text(value));
        if (kind != m.kind()) {
          throw new IllegalArgumentException(
              "the file is for " + kind.wireName() + ", the model is " + m.kind().wireName());
        }
        yield m;
      }
      case "targets" -> m.withTargets(parseTargets(strings(value)));
      case "loss_weights" -> {
        Map<String, Double> weights = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> weights.put((String) k, number(v)));
        yield m.withLossWeights(weights);
      }
      case "embedding_dimension" ->
          m.withSizes(
              integer(value), m.bottomUnits(), m.towerUnits(), m.experts(), m.expertUnits());
      case "bottom_units" ->
          m.withSizes(
              m.embeddingDimension(),
              integers(value),
              m.towerUnits(),
              m.experts(),
              m.expertUnits());
      case "tower_units" ->
          m.withSizes(
              m.embeddingDimension(),
              m.bottomUnits(),
              integer(value),
              m.experts(),
              m.expertUnits());
      case "experts" ->
          m.withSizes(
              m.embeddingDimension(),
              m.bottomUnits(),
              m.towerUnits(),
              integer(value),
              m.expertUnits());
      case "expert_units" ->
          m.withSizes(
              m.embeddingDimension(), m.bottomUnits(), m.towerUnits(), m.experts(), integer(value));
      case "relation_units" -> m.withRelationUnits(integer(value));
      case "learning_rate" -> m.withLearningRates((float) number(value), m.embeddingLearningRate());
      case "embedding_learning_rate" ->
          m.withLearningRates(m.learningRate(), (float) number(value));
      case "conditional_towers" -> m.withBayesianHead(bool(value), m.conditionalLossWeight());
      case "conditional_loss_weight" -> m.withBayesianHead(m.conditionalTowers(), number(value));
      case "marginal_loss_weight" -> m.withMarginalLossWeight(number(value));
      case "conditional_loss_per_impression" -> m.withConditionalLossPerImpression(bool(value));
      case "dropout" ->
          m.withRegularization(
              new ModelConfig.Regularization(number(value), r.embeddingL2(), r.minIdCount()));
      case "embedding_l2" ->
          m.withRegularization(
              new ModelConfig.Regularization(r.dropout(), number(value), r.minIdCount()));
      case "min_id_count" ->
          m.withRegularization(
              new ModelConfig.Regularization(r.dropout(), r.embeddingL2(), integer(value)));
      case "match_tower" -> m.withMatchTower(matchTower(m.match(), (Map<?, ?>) value));
      default -> throw new IllegalStateException("unhandled model key " + key);
    };
  }

  private static MatchTowerConfig matchTower(MatchTowerConfig match, Map<?, ?> values) {
    MatchTowerConfig out = match;
    for (Map.Entry<?, ?> entry : values.entrySet()) {
      Object value = entry.getValue();
      out =
          switch ((String) entry.getKey()) {
            case "rank_tower" -> out.withRankTower(ModelKind.parse(text(value)));
            case "pooling" -> out.withPooling(MatchTowerConfig.Pooling.parse(text(value)));
            case "dimension" ->
                new MatchTowerConfig(out.rankTower(), integer(value), out.units(), out.pooling());
            case "units" ->
                new MatchTowerConfig(
                    out.rankTower(), out.dimension(), integer(value), out.pooling());
            default ->
                throw new IllegalArgumentException(
                    "unknown key '"
                        + entry.getKey()
                        + "' (the keys: rank_tower, dimension, units, pooling)");
          };
    }
    return out;
  }

  private static TrainingConfig applyTraining(TrainingConfig t, String key, Object value) {
    return switch (key) {
      case "epochs" -> t.withEpochs(integer(value));
      case "batch_size" -> t.withBatchSize(integer(value));
      case "holdout_days" -> t.withHoldoutDays(integer(value));
      case "training_scenarios" -> t.withTrainingScenarios(strings(value));
      case "max_training_rows" -> t.withMaxTrainingRows(integer(value));
      case "intra_op_threads" -> t.withIntraOpThreads(integer(value));
      case "validation_fraction" -> t.withValidationFraction(number(value));
      case "patience" -> t.withPatience(integer(value));
      case "learning_rate_decay" -> t.withLearningRateDecay(number(value));
      case "refit" -> t.withRefit(bool(value));
      default -> throw new IllegalStateException("unhandled training key " + key);
    };
  }

  /** The whole recipe as the config file writes it (every key). */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", FORMAT);
    out.putAll(modelMap(model));
    out.putAll(trainingMap(training));
    return out;
  }

  /** Writes the config file. */
  public void write(Path file) {
    requireNonNull(file, "file is null");
    try {
      JSON.writeValue(file.toFile(), toMap());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The recipe as JSON text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(toMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The model's knobs under the config file's key names (the card's {@code model_config}). */
  public static Map<String, Object> modelMap(ModelConfig config) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", config.kind().wireName());
    config
        .targets()
        .ifPresent(
            specs -> map.put("targets", specs.stream().map(TrainingRecipe::targetText).toList()));
    map.put("loss_weights", config.lossWeights());
    map.put("embedding_dimension", config.embeddingDimension());
    map.put("bottom_units", config.bottomUnits());
    map.put("tower_units", config.towerUnits());
    map.put("relation_units", config.relationUnits());
    map.put("experts", config.experts());
    map.put("expert_units", config.expertUnits());
    map.put("learning_rate", config.learningRate());
    map.put("embedding_learning_rate", config.embeddingLearningRate());
    map.put("seed", config.seed());
    map.put("conditional_towers", config.conditionalTowers());
    map.put("conditional_loss_weight", config.conditionalLossWeight());
    map.put("marginal_loss_weight", config.marginalLossWeight());
    map.put("conditional_loss_per_impression", config.conditionalLossPerImpression());
    map.put("dropout", config.regularization().dropout());
    map.put("embedding_l2", config.regularization().embeddingL2());
    map.put("min_id_count", config.regularization().minIdCount());
    if (config.kind().matchTower()) {
      Map<String, Object> match = new LinkedHashMap<>();
      match.put("rank_tower", config.match().rankTower().wireName());
      match.put("dimension", config.match().dimension());
      match.put("units", config.match().units());
      match.put("pooling", config.match().pooling().wireName());
      map.put("match_tower", match);
    }
    return map;
  }

  /** The training knobs under the config file's key names (the card's {@code training_config}). */
  public static Map<String, Object> trainingMap(TrainingConfig training) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("epochs", training.epochs());
    map.put("batch_size", training.batchSize());
    map.put("holdout_days", training.holdoutDays());
    map.put("training_scenarios", training.trainingScenarios());
    map.put("max_training_rows", training.maxTrainingRows());
    map.put("intra_op_threads", training.intraOpThreads());
    map.put("seed", training.seed());
    map.put("validation_fraction", training.validationFraction());
    map.put("patience", training.patience());
    map.put("learning_rate_decay", training.learningRateDecay());
    map.put("refit", training.refit());
    return map;
  }

  /**
   * Parses targets written {@code name} or {@code name<-parent1+parent2} (the CLI's {@code
   * --targets} and the file's {@code targets}).
   */
  public static List<TargetSpec> parseTargets(List<String> targets) {
    List<TargetSpec> specs = new ArrayList<>();
    for (String target : targets) {
      String[] parts = target.split("<-", 2);
      List<String> parents =
          parts.length == 1 ? List.of() : Arrays.asList(parts[1].trim().split("\\+"));
      specs.add(new TargetSpec(parts[0].trim(), parents, TargetKind.defaultFor(parts[0].trim())));
    }
    return specs;
  }

  private static String targetText(TargetSpec spec) {
    return spec.parents().isEmpty()
        ? spec.name()
        : spec.name() + "<-" + String.join("+", spec.parents());
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static double number(Object value) {
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException("a number is needed, got " + value);
    }
    return number.doubleValue();
  }

  private static int integer(Object value) {
    double number = number(value);
    if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("an integer is needed, got " + value);
    }
    return (int) number;
  }

  private static boolean bool(Object value) {
    if (!(value instanceof Boolean b)) {
      throw new IllegalArgumentException("true or false is needed, got " + value);
    }
    return b;
  }

  private static String text(Object value) {
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("a string is needed, got " + value);
    }
    return s;
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("a list of strings is needed, got " + value);
    }
    return list.stream().map(TrainingRecipe::text).toList();
  }

  private static List<Integer> integers(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("a list of integers is needed, got " + value);
    }
    return list.stream().map(TrainingRecipe::integer).toList();
  }
}
