package io.onair.recall.config;

import static java.util.Objects.requireNonNull;

import io.onair.vectorindex.LiveIndexSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recall service's configuration, loaded once ({@link RecallConfigLoader}), immutable and
 * validated. Defaults ({@link #defaults()}) and why:
 *
 * <ul>
 *   <li>{@code defaultCount} 200: what the ranker scores per request at tens of milliseconds;
 *   <li>{@code maxCount} 2000: bounds the response (and the ranker's batch);
 *   <li>{@code defaultDeadlineMillis} 300: applied to calls without a gRPC deadline;
 *   <li>{@code featuresTimeLimitMillis} 100: the user and live-set reads; past it the user is
 *       treated as unknown (FEATURES_UNAVAILABLE) rather than failing the call;
 *   <li>{@code routeThreads} 8 and {@code routeQueue} 256: the route executor's bound (see {@code
 *       RecallModule});
 *   <li>{@code serverThreads} 8: the gRPC executor's bound;
 *   <li>{@code rankFusionConstant} 60: {@code c} of the merged score {@code sum weight / (c +
 *       rank)} (reciprocal rank fusion; route scores are not comparable across routes, ranks are);
 *   <li>{@code popularUserCategoryBoost} 0: the popular route multiplies an anchor's popularity by
 *       {@code 1 + boost * share of its category in the user's history}; off, so that popular stays
 *       the non-personal fallback (docs/recall.md measures what it does when on);
 *   <li>{@code popularReferCategoryBoost} 1.0: in a refer-aware scenario, popular multiplies the
 *       popularity of anchors of the refer room's category by {@code 1 + boost};
 *   <li>{@code referAwareScenarios} [swipe]: scenarios that need {@code refer_anchor_id} and run
 *       the refer route;
 *   <li>{@code routes}: per route quota, time limit (50 ms) and weight (see {@link
 *       #DEFAULT_ROUTES});
 *   <li>{@code scenarioRoutes}: routes per scenario; a scenario not listed runs {@code "*"}, and
 *       {@code "*"} defaults to every route ({@link #ALL_ROUTES}; the vector routes run only where
 *       pretrained vectors are loaded);
 *   <li>{@code vectorIndex}: how the vector routes search the live anchors ({@link
 *       LiveIndexSettings#DEFAULTS}: HNSW M 16, efConstruction 100, ef 400; exact scan of the live
 *       anchors up to {@code exactMaxLive} 50,000, an HNSW graph over the live set above; 2 build
 *       threads; docs/vector-recall.md).
 * </ul>
 */
public record RecallConfig(
    int defaultCount,
    int maxCount,
    long defaultDeadlineMillis,
    long featuresTimeLimitMillis,
    int routeThreads,
    int routeQueue,
    int serverThreads,
    double rankFusionConstant,
    double popularUserCategoryBoost,
    double popularReferCategoryBoost,
    Set<String> referAwareScenarios,
    Map<String, RouteSettings> routes,
    Map<String, List<String>> scenarioRoutes,
    LiveIndexSettings vectorIndex) {

  /** The standard routes, in the order outcomes are reported. */
  public static final List<String> STANDARD_ROUTES =
      List.of("U2F", "U2A", "U2A2A", "U2I2A", "U2I2I2A", "refer", "popular");

  /** The vector routes, one per pretrained modality (docs/vector-recall.md). */
  public static final List<String> VECTOR_ROUTES =
      List.of("VEC_PROFILE", "VEC_U2F", "VEC_U2A", "VEC_U2A2A", "VEC_U2I2A", "VEC_U2I2I2A");

  /** Every route the service knows, relation routes first; {@code "*"} runs these by default. */
  public static final List<String> ALL_ROUTES = allRoutes();

  /** Default per-route settings. */
  public static final Map<String, RouteSettings> DEFAULT_ROUTES = defaultRoutes();

  public RecallConfig {
    if (defaultCount < 1 || defaultCount > maxCount) {
      throw new IllegalArgumentException(
          "defaultCount must be 1 to maxCount (" + maxCount + "), got " + defaultCount);
    }
    if (maxCount < 1 || maxCount > 10_000) {
      throw new IllegalArgumentException("maxCount must be 1 to 10000, got " + maxCount);
    }
    positive("defaultDeadlineMillis", defaultDeadlineMillis);
    positive("featuresTimeLimitMillis", featuresTimeLimitMillis);
    positive("routeThreads", routeThreads);
    positive("routeQueue", routeQueue);
    positive("serverThreads", serverThreads);
    if (!(rankFusionConstant >= 0 && rankFusionConstant < 1e6)) {
      throw new IllegalArgumentException(
          "rankFusionConstant must be 0 to 1e6, got " + rankFusionConstant);
    }
    if (!(popularUserCategoryBoost >= 0 && popularUserCategoryBoost <= 100)) {
      throw new IllegalArgumentException(
          "popularUserCategoryBoost must be 0 to 100, got " + popularUserCategoryBoost);
    }
    if (!(popularReferCategoryBoost >= 0 && popularReferCategoryBoost <= 100)) {
      throw new IllegalArgumentException(
          "popularReferCategoryBoost must be 0 to 100, got " + popularReferCategoryBoost);
    }
    referAwareScenarios = Set.copyOf(requireNonNull(referAwareScenarios, "referAwareScenarios"));
    Map<String, RouteSettings> routeCopy = Map.copyOf(requireNonNull(routes, "routes is null"));
    routes = routeCopy;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e :
        requireNonNull(scenarioRoutes, "scenarioRoutes is null").entrySet()) {
      for (String route : e.getValue()) {
        if (!routeCopy.containsKey(route)) {
          throw new IllegalArgumentException(
              "scenarioRoutes."
                  + e.getKey()
                  + " names route '"
                  + route
                  + "', which has no settings in routes (known: "
                  + String.join(", ", routeCopy.keySet().stream().sorted().toList())
                  + ")");
        }
      }
      copy.put(e.getKey(), List.copyOf(e.getValue()));
    }
    if (!copy.containsKey("*")) {
      copy.put("*", ALL_ROUTES.stream().filter(routeCopy::containsKey).toList());
    }
    scenarioRoutes = Map.copyOf(copy);
    requireNonNull(vectorIndex, "vectorIndex is null");
  }

  /** A configuration with the default vector index settings. */
  public RecallConfig(
      int defaultCount,
      int maxCount,
      long defaultDeadlineMillis,
      long featuresTimeLimitMillis,
      int routeThreads,
      int routeQueue,
      int serverThreads,
      double rankFusionConstant,
      double popularUserCategoryBoost,
      double popularReferCategoryBoost,
      Set<String> referAwareScenarios,
      Map<String, RouteSettings> routes,
      Map<String, List<String>> scenarioRoutes) {
    this(
        defaultCount,
        maxCount,
        defaultDeadlineMillis,
        featuresTimeLimitMillis,
        routeThreads,
        routeQueue,
        serverThreads,
        rankFusionConstant,
        popularUserCategoryBoost,
        popularReferCategoryBoost,
        referAwareScenarios,
        routes,
        scenarioRoutes,
        LiveIndexSettings.DEFAULTS);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  public static RecallConfig defaults() {
    return new RecallConfig(
        200, 2000, 300, 100, 8, 256, 8, 60, 0.0, 1.0, Set.of("swipe"), DEFAULT_ROUTES, Map.of());
  }

  /** The routes a scenario runs when the request does not name any. */
  public List<String> routesOf(String scenario) {
    List<String> list = scenarioRoutes.get(scenario);
    return list != null ? list : scenarioRoutes.get("*");
  }

  /** The same configuration with every route's time limit set to {@code millis}. */
  public RecallConfig withRouteTimeLimits(long millis, long deadlineMillis) {
    Map<String, RouteSettings> relaxed = new LinkedHashMap<>();
    routes.forEach((name, s) -> relaxed.put(name, s.withTimeLimitMillis(millis)));
    return new RecallConfig(
        defaultCount,
        Math.max(maxCount, defaultCount),
        deadlineMillis,
        Math.max(featuresTimeLimitMillis, millis),
        routeThreads,
        routeQueue,
        serverThreads,
        rankFusionConstant,
        popularUserCategoryBoost,
        popularReferCategoryBoost,
        referAwareScenarios,
        relaxed,
        scenarioRoutes,
        vectorIndex);
  }

  private static Map<String, RouteSettings> defaultRoutes() {
    Map<String, RouteSettings> routes = new LinkedHashMap<>();
    // Quotas: the personal routes are sure of most of a 200-candidate answer; popular fills the
    // rest. Weights: routes that expand (A2A, I2I) are noisier than direct history.
    routes.put("U2F", new RouteSettings(60, 50, 1.0));
    routes.put("U2A", new RouteSettings(80, 50, 1.0));
    routes.put("U2A2A", new RouteSettings(100, 50, 1.0));
    routes.put("U2I2A", new RouteSettings(60, 50, 0.7));
    routes.put("U2I2I2A", new RouteSettings(60, 50, 0.5));
    routes.put("refer", new RouteSettings(100, 50, 1.0));
    routes.put("popular", new RouteSettings(100, 50, 0.8));
    // Vector routes: each modality's nearest live anchors. Smaller quotas, six of them share the
    // answer with the relation routes.
    for (String route : VECTOR_ROUTES) {
      routes.put(route, new RouteSettings(40, 50, 0.8));
    }
    return Map.copyOf(routes);
  }

  private static List<String> allRoutes() {
    List<String> all = new java.util.ArrayList<>(STANDARD_ROUTES);
    all.addAll(VECTOR_ROUTES);
    return List.copyOf(all);
  }
}
