package io.onair.recall.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.onair.server.ConfigurationJson;
import io.onair.vectorindex.HnswParameters;
import io.onair.vectorindex.LiveIndexSettings;
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
 *  "scenarioRoutes": {"tab": ["U2F", "U2A", "popular"]},
 *  "vectorIndex": {"m": 16, "efConstruction": 200, "ef": 200, "exactMaxLive": 50000}}
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
          "scenarioRoutes",
          "vectorIndex");
  private static final Set<String> VECTOR_INDEX =
      Set.of("m", "efConstruction", "ef", "exactMaxLive", "buildThreads");
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
        scenarioRoutes,
        vectorIndex(json.path("vectorIndex"), d.vectorIndex()));
  }

  private static LiveIndexSettings vectorIndex(JsonNode json, LiveIndexSettings d) {
    if (json.isMissingNode()) {
      return d;
    }
    ConfigurationJson.requireKnownKeys(json, VECTOR_INDEX, "vectorIndex.");
    return new LiveIndexSettings(
        new HnswParameters(
            json.path("m").asInt(d.hnsw().m()),
            json.path("efConstruction").asInt(d.hnsw().efConstruction()),
            json.path("ef").asInt(d.hnsw().ef())),
        json.path("exactMaxLive").asInt(d.exactMaxLive()),
        json.path("buildThreads").asInt(d.buildThreads()));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
