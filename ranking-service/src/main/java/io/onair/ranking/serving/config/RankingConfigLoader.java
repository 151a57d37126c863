package io.onair.ranking.serving.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.onair.server.ConfigurationJson;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link RankingConfig} from JSON: every key is optional and overrides its default; an
 * unknown key is an error (a misspelt key must not silently leave the default in place), and so is
 * a value of the wrong JSON type. Example:
 *
 * <pre>
 * {"defaultModel": "dbmtl", "scenarioModels": {"tab": "dbmtl.tab"}, "batchSize": 256,
 *  "intraOpThreads": 2, "reloadIntervalMillis": 5000}
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class RankingConfigLoader {
  private static final Set<String> KEYS =
      new TreeSet<>(
          Set.of(
              "defaultModel",
              "scenarioModels",
              "maxCandidates",
              "batchSize",
              "serverThreads",
              "serverQueue",
              "intraOpThreads",
              "reloadIntervalMillis",
              "featuresTimeLimitMillis",
              "defaultDeadlineMillis",
              "referAwareScenarios"));

  private RankingConfigLoader() {}

  /** The configuration in {@code file}, or the defaults when {@code file} is null. */
  public static RankingConfig load(Path file) {
    if (file == null) {
      return RankingConfig.defaults();
    }
    return ConfigurationJson.load(file, "ranking", RankingConfigLoader::parse);
  }

  /** The configuration in a JSON text. */
  public static RankingConfig parse(String json) {
    return ConfigurationJson.parse(json, "ranking", RankingConfigLoader::parse);
  }

  /** The configuration in a JSON tree. */
  public static RankingConfig parse(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("the ranking configuration must be a JSON object");
    }
    ConfigurationJson.requireKnownKeys(json, KEYS, "");
    RankingConfig d = RankingConfig.defaults();
    Map<String, String> scenarioModels = new LinkedHashMap<>(d.scenarioModels());
    if (json.has("scenarioModels")) {
      JsonNode node = json.get("scenarioModels");
      if (!node.isObject()) {
        throw new IllegalArgumentException("scenarioModels must be an object of scenario to model");
      }
      node.fields()
          .forEachRemaining(
              e ->
                  scenarioModels.put(
                      e.getKey(), text(e.getValue(), "scenarioModels." + e.getKey())));
    }
    Set<String> referAware = d.referAwareScenarios();
    if (json.has("referAwareScenarios")) {
      JsonNode node = json.get("referAwareScenarios");
      if (!node.isArray()) {
        throw new IllegalArgumentException(
            "referAwareScenarios must be an array of scenario names");
      }
      referAware = new HashSet<>();
      for (JsonNode element : node) {
        referAware.add(text(element, "referAwareScenarios"));
      }
    }
    return new RankingConfig(
        json.has("defaultModel")
            ? text(json.get("defaultModel"), "defaultModel")
            : d.defaultModel(),
        scenarioModels,
        (int) number(json, "maxCandidates", d.maxCandidates()),
        (int) number(json, "batchSize", d.batchSize()),
        (int) number(json, "serverThreads", d.serverThreads()),
        (int) number(json, "serverQueue", d.serverQueue()),
        (int) number(json, "intraOpThreads", d.intraOpThreads()),
        number(json, "reloadIntervalMillis", d.reloadIntervalMillis()),
        number(json, "featuresTimeLimitMillis", d.featuresTimeLimitMillis()),
        number(json, "defaultDeadlineMillis", d.defaultDeadlineMillis()),
        referAware);
  }

  private static String text(JsonNode node, String key) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(key + " must be a string, got " + node);
    }
    return node.asText();
  }

  private static long number(JsonNode json, String key, long fallback) {
    if (!json.has(key)) {
      return fallback;
    }
    JsonNode node = json.get(key);
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new IllegalArgumentException(key + " must be a whole number, got " + node);
    }
    return node.asLong();
  }
}
