package io.onair.recall.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.onair.server.ConfigurationJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link RecallConfig} from JSON: every key is optional and overrides its default; an
 * unknown key is an error (a misspelt key must not silently leave the default in place). Example:
 *
 * <pre>
 * {"defaultCount": 300, "routes": {"U2A2A": {"quota": 150}, "popular": {"timeLimitMillis": 20}},
 *  "scenarioRoutes": {"tab": ["U2F", "U2A", "popular"]}}
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class RecallConfigLoader {
  private static final Set<String> TOP =
      Set.of(
          "defaultCount",
          "maxCount",
          "defaultDeadlineMillis",
          "featuresTimeLimitMillis",
          "routeThreads",
          "routeQueue",
          "serverThreads",
          "rankFusionConstant",
          "popularUserCategoryBoost",
          "popularReferCategoryBoost",
          "referAwareScenarios",
          "routes",
          "scenarioRoutes");
  private static final Set<String> ROUTE = Set.of("quota", "timeLimitMillis", "weight");

  private RecallConfigLoader() {}

  /** The configuration in {@code file}, or the defaults when {@code file} is null. */
  public static RecallConfig load(Path file) {
    if (file == null) {
      return RecallConfig.defaults();
    }
    return ConfigurationJson.load(file, "recall", RecallConfigLoader::parse);
  }

  /** The configuration in a JSON tree. */
  public static RecallConfig parse(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("the recall configuration must be a JSON object");
    }
    ConfigurationJson.requireKnownKeys(json, TOP, "");
    RecallConfig d = RecallConfig.defaults();
    Map<String, RouteSettings> routes = new LinkedHashMap<>(d.routes());
    JsonNode routeNodes = json.path("routes");
    routeNodes
        .fields()
        .forEachRemaining(
            e -> {
              ConfigurationJson.requireKnownKeys(e.getValue(), ROUTE, "routes." + e.getKey() + ".");
              RouteSettings base = routes.getOrDefault(e.getKey(), new RouteSettings(50, 50, 1.0));
              routes.put(
                  e.getKey(),
                  new RouteSettings(
                      e.getValue().path("quota").asInt(base.quota()),
                      e.getValue().path("timeLimitMillis").asLong(base.timeLimitMillis()),
                      e.getValue().path("weight").asDouble(base.weight())));
            });
    Map<String, List<String>> scenarioRoutes = new LinkedHashMap<>();
    json.path("scenarioRoutes")
        .fields()
        .forEachRemaining(e -> scenarioRoutes.put(e.getKey(), strings(e.getValue())));
    Set<String> referAware =
        json.has("referAwareScenarios")
            ? new HashSet<>(strings(json.get("referAwareScenarios")))
            : d.referAwareScenarios();
    return new RecallConfig(
        json.path("defaultCount").asInt(d.defaultCount()),
        json.path("maxCount").asInt(d.maxCount()),
        json.path("defaultDeadlineMillis").asLong(d.defaultDeadlineMillis()),
        json.path("featuresTimeLimitMillis").asLong(d.featuresTimeLimitMillis()),
        json.path("routeThreads").asInt(d.routeThreads()),
        json.path("routeQueue").asInt(d.routeQueue()),
        json.path("serverThreads").asInt(d.serverThreads()),
        json.path("rankFusionConstant").asDouble(d.rankFusionConstant()),
        json.path("popularUserCategoryBoost").asDouble(d.popularUserCategoryBoost()),
        json.path("popularReferCategoryBoost").asDouble(d.popularReferCategoryBoost()),
        referAware,
        routes,
        scenarioRoutes);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
