package io.onair.gateway.config;

import static java.util.Objects.requireNonNull;

import io.onair.fusion.FusionConfig;
import io.onair.fusion.FusionFormula;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gateway's configuration, loaded once ({@link GatewayConfigLoader}), immutable and validated.
 * Defaults ({@link #defaults()}) and why:
 *
 * <ul>
 *   <li>{@code maxCount} 200: bounds the response; a larger count is INVALID_ARGUMENT;
 *   <li>{@code maxDeadlineMillis} 500: the time budget is the call's deadline capped by this, so a
 *       client sending a generous deadline does not let a slow stage hold a thread longer;
 *   <li>{@code stageShares} features 0.1, recall 0.35, rank 0.45 ({@link StageShares});
 *   <li>{@code diversity} at most 3 per category in the top 10 ({@link DiversityConfig});
 *   <li>{@code exposureWindowSeconds} 3600: an anchor shown to a user (impression event) is not
 *       recommended to them again for this long; the window the CLI opens the feature store with;
 *   <li>{@code recallCount} 200: K asked of recall (and of the popular fallback);
 *   <li>{@code rankMaxCandidates} 500: at most this many candidates go to ranking; the rest follow
 *       in recall order (flag RANKING_PARTIAL);
 *   <li>{@code serverThreads} 8: the gRPC executor's bound;
 *   <li>{@code referAwareScenarios} [swipe]: scenarios that need {@code refer_anchor_id};
 *   <li>{@code fusion}: per scenario, the formula, weights and exponents ({@link FusionConfig});
 *       the entry {@code "*"} applies to scenarios without their own. Defaults: {@code "*"}
 *       multiplicative {@code (1.0*p_click) * (0.01*p_watch_seconds + 0.5*p_like + 2.0*p_follow)},
 *       {@code "swipe"} additive {@code 1.0*p_view10s + 0.01*p_watch_seconds + 0.5*p_comment +
 *       2.0*p_follow}.
 * </ul>
 */
public record GatewayConfig(
    int maxCount,
    long maxDeadlineMillis,
    StageShares stageShares,
    DiversityConfig diversity,
    long exposureWindowSeconds,
    int recallCount,
    int rankMaxCandidates,
    int serverThreads,
    Set<String> referAwareScenarios,
    Map<String, FusionConfig> fusion) {

  /** The key of the fusion that applies to scenarios without their own. */
  public static final String ANY_SCENARIO = "*";

  public GatewayConfig {
    if (maxCount < 1 || maxCount > 1000) {
      throw new IllegalArgumentException("maxCount must be 1 to 1000, got " + maxCount);
    }
    positive("maxDeadlineMillis", maxDeadlineMillis);
    requireNonNull(stageShares, "stageShares is null");
    requireNonNull(diversity, "diversity is null");
    positive("exposureWindowSeconds", exposureWindowSeconds);
    if (recallCount < 1 || recallCount > 2000) {
      throw new IllegalArgumentException("recallCount must be 1 to 2000, got " + recallCount);
    }
    if (rankMaxCandidates < 1 || rankMaxCandidates > 10_000) {
      throw new IllegalArgumentException(
          "rankMaxCandidates must be 1 to 10000, got " + rankMaxCandidates);
    }
    positive("serverThreads", serverThreads);
    referAwareScenarios = Set.copyOf(requireNonNull(referAwareScenarios, "referAwareScenarios"));
    requireNonNull(fusion, "fusion is null");
    if (!fusion.containsKey(ANY_SCENARIO)) {
      throw new IllegalArgumentException(
          "fusion must have an entry \"*\" for scenarios without their own");
    }
    fusion = java.util.Collections.unmodifiableMap(new TreeMap<>(fusion));
  }

  /** The documented defaults. */
  public static GatewayConfig defaults() {
    return new GatewayConfig(
        200,
        500,
        StageShares.DEFAULTS,
        DiversityConfig.DEFAULTS,
        3600,
        200,
        500,
        8,
        Set.of("swipe"),
        defaultFusion());
  }

  /** The default fusion per scenario (see the class comment). */
  public static Map<String, FusionConfig> defaultFusion() {
    return Map.of(
        ANY_SCENARIO,
        FusionConfig.of(
            FusionFormula.MULTIPLICATIVE,
            Map.of("click", 1.0, "watch_seconds", 0.01, "like", 0.5, "follow", 2.0)),
        "swipe",
        FusionConfig.of(
            FusionFormula.ADDITIVE,
            Map.of("view10s", 1.0, "watch_seconds", 0.01, "comment", 0.5, "follow", 2.0)));
  }

  /** The fusion of {@code scenario}: its own, or the {@code "*"} one. */
  public FusionConfig fusionOf(String scenario) {
    FusionConfig own = fusion.get(scenario);
    return own != null ? own : fusion.get(ANY_SCENARIO);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
