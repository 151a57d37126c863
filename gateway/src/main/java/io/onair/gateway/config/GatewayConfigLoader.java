package io.onair.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.onair.fusion.FusionConfig;
import io.onair.fusion.FusionFormula;
import io.onair.server.ConfigurationJson;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link GatewayConfig} from JSON: every key is optional and overrides its default; an
 * unknown key, or a value of the wrong type, is an error (a misspelt key must not silently leave
 * the default in place). A {@code fusion} entry replaces that scenario's fusion and leaves the
 * others. Example:
 *
 * <pre>
 * {"maxCount": 100, "maxDeadlineMillis": 300,
 *  "stageShares": {"features": 0.1, "recall": 0.3, "rank": 0.5},
 *  "diversity": {"maxPerCategory": 2, "topPositions": 6},
 *  "fusion": {"channel": {"formula": "multiplicative",
 *                         "weights": {"click": 1.0, "follow": 3.0, "purchase": 4.0},
 *                         "exponents": {"click": 0.5}}}}
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class GatewayConfigLoader {
  private static final Set<String> TOP =
      Set.of(
          "maxCount",
          "maxDeadlineMillis",
          "stageShares",
          "diversity",
          "exposureWindowSeconds",
          "recallCount",
          "rankMaxCandidates",
          "serverThreads",
          "referAwareScenarios",
          "fusion");
  private static final Set<String> SHARES = Set.of("features", "recall", "rank");
  private static final Set<String> DIVERSITY = Set.of("maxPerCategory", "topPositions");
  private static final Set<String> FUSION = Set.of("formula", "weights", "exponents");

  private GatewayConfigLoader() {}

  /** The configuration in {@code file}, or the defaults when {@code file} is null. */
  public static GatewayConfig load(Path file) {
    if (file == null) {
      return GatewayConfig.defaults();
    }
    return ConfigurationJson.load(file, "gateway", GatewayConfigLoader::parse);
  }

  /** The configuration in a JSON text. */
  public static GatewayConfig parse(String json) {
    return ConfigurationJson.parse(json, "gateway", GatewayConfigLoader::parse);
  }

  /** The configuration in a JSON tree. */
  public static GatewayConfig parse(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("the gateway configuration must be a JSON object");
    }
    ConfigurationJson.requireKnownKeys(json, TOP, "");
    GatewayConfig d = GatewayConfig.defaults();
    StageShares shares = d.stageShares();
    if (json.has("stageShares")) {
      JsonNode s = object(json.get("stageShares"), "stageShares");
      ConfigurationJson.requireKnownKeys(s, SHARES, "stageShares.");
      shares =
          new StageShares(
              number(s, "features", shares.features(), "stageShares."),
              number(s, "recall", shares.recall(), "stageShares."),
              number(s, "rank", shares.rank(), "stageShares."));
    }
    DiversityConfig diversity = d.diversity();
    if (json.has("diversity")) {
      JsonNode s = object(json.get("diversity"), "diversity");
      ConfigurationJson.requireKnownKeys(s, DIVERSITY, "diversity.");
      diversity =
          new DiversityConfig(
              integer(s, "maxPerCategory", diversity.maxPerCategory(), "diversity."),
              integer(s, "topPositions", diversity.topPositions(), "diversity."));
    }
    Set<String> referAware = d.referAwareScenarios();
    if (json.has("referAwareScenarios")) {
      JsonNode array = json.get("referAwareScenarios");
      if (!array.isArray()) {
        throw new IllegalArgumentException("referAwareScenarios must be an array of strings");
      }
      Set<String> names = new HashSet<>();
      array.forEach(n -> names.add(text(n, "referAwareScenarios[]")));
      referAware = names;
    }
    Map<String, FusionConfig> fusion = new LinkedHashMap<>(d.fusion());
    if (json.has("fusion")) {
      object(json.get("fusion"), "fusion")
          .fields()
          .forEachRemaining(e -> fusion.put(e.getKey(), fusion(e.getValue(), e.getKey())));
    }
    return new GatewayConfig(
        integer(json, "maxCount", d.maxCount(), ""),
        (long) number(json, "maxDeadlineMillis", d.maxDeadlineMillis(), ""),
        shares,
        diversity,
        (long) number(json, "exposureWindowSeconds", d.exposureWindowSeconds(), ""),
        integer(json, "recallCount", d.recallCount(), ""),
        integer(json, "rankMaxCandidates", d.rankMaxCandidates(), ""),
        integer(json, "serverThreads", d.serverThreads(), ""),
        referAware,
        fusion);
  }

  private static FusionConfig fusion(JsonNode node, String scenario) {
    String prefix = "fusion." + scenario + ".";
    object(node, "fusion." + scenario);
    ConfigurationJson.requireKnownKeys(node, FUSION, prefix);
    if (!node.has("formula") || !node.has("weights")) {
      throw new IllegalArgumentException(prefix + "formula and " + prefix + "weights are required");
    }
    FusionFormula formula = FusionFormula.parse(text(node.get("formula"), prefix + "formula"));
    Map<String, Double> weights = numbers(node.get("weights"), prefix + "weights");
    Map<String, Double> exponents =
        node.has("exponents") ? numbers(node.get("exponents"), prefix + "exponents") : Map.of();
    try {
      return new FusionConfig(formula, weights, exponents);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fusion." + scenario + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Double> numbers(JsonNode node, String path) {
    object(node, path);
    Map<String, Double> values = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException(path + "." + e.getKey() + " must be a number");
              }
              values.put(e.getKey(), e.getValue().asDouble());
            });
    return values;
  }

  private static JsonNode object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + " must be a JSON object");
    }
    return node;
  }

  private static String text(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(path + " must be a string");
    }
    return node.asText();
  }

  private static double number(JsonNode node, String key, double fallback, String prefix) {
    if (!node.has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isNumber()) {
      throw new IllegalArgumentException(prefix + key + " must be a number");
    }
    return value.asDouble();
  }

  private static int integer(JsonNode node, String key, int fallback, String prefix) {
    if (!node.has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(prefix + key + " must be an integer");
    }
    return value.asInt();
  }
}
