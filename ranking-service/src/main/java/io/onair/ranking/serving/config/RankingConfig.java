package io.onair.ranking.serving.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ranking service's configuration. Immutable; validated at construction, so a bad value fails
 * at boot. Defaults ({@link #defaults()}) in brackets.
 *
 * @param defaultModel the model scoring every scenario without an entry in {@code scenarioModels}
 *     [{@code dbmtl}]
 * @param scenarioModels scenario to model name, for scenarios served by another model [none]
 * @param maxCandidates most candidates one request may carry; more is INVALID_ARGUMENT [2000]
 * @param batchSize candidates scored per model call; a request is split into batches of this size
 *     [512]
 * @param serverThreads threads of the gRPC call executor [4]
 * @param serverQueue calls queued for the executor before new ones are refused [10000]
 * @param intraOpThreads TensorFlow intra-op threads of each loaded model [1]
 * @param reloadIntervalMillis how often the models' {@code CURRENT} pointers are checked for a new
 *     version; 0 disables polling [10000]
 * @param featuresTimeLimitMillis the most a request waits for the user's features before it uses
 *     defaults (flag FEATURES_UNAVAILABLE) [50]
 * @param defaultDeadlineMillis the deadline of a call that comes without one [1000]
 * @param referAwareScenarios scenarios whose requests must name the refer room [swipe]
 */
public record RankingConfig(
    String defaultModel,
    Map<String, String> scenarioModels,
    int maxCandidates,
    int batchSize,
    int serverThreads,
    int serverQueue,
    int intraOpThreads,
    long reloadIntervalMillis,
    long featuresTimeLimitMillis,
    long defaultDeadlineMillis,
    Set<String> referAwareScenarios) {
  public RankingConfig {
    requireNonNull(defaultModel, "defaultModel is null");
    requireModelName(defaultModel, "defaultModel");
    scenarioModels = new TreeMap<>(requireNonNull(scenarioModels, "scenarioModels is null"));
    scenarioModels.forEach(
        (scenario, model) -> {
          if (scenario.isEmpty()) {
            throw new IllegalArgumentException("scenarioModels: a scenario name is empty");
          }
          requireModelName(model, "scenarioModels." + scenario);
        });
    scenarioModels = Map.copyOf(scenarioModels);
    positive(maxCandidates, "maxCandidates");
    positive(batchSize, "batchSize");
    positive(serverThreads, "serverThreads");
    positive(serverQueue, "serverQueue");
    positive(intraOpThreads, "intraOpThreads");
    if (reloadIntervalMillis < 0) {
      throw new IllegalArgumentException(
          "reloadIntervalMillis must be >= 0 (0 = no polling), got " + reloadIntervalMillis);
    }
    positive(featuresTimeLimitMillis, "featuresTimeLimitMillis");
    positive(defaultDeadlineMillis, "defaultDeadlineMillis");
    referAwareScenarios =
        Set.copyOf(requireNonNull(referAwareScenarios, "referAwareScenarios is null"));
  }

  /** The defaults listed on the record. */
  public static RankingConfig defaults() {
    return new RankingConfig(
        "dbmtl", Map.of(), 2000, 512, 4, 10_000, 1, 10_000, 50, 1000, Set.of("swipe"));
  }

  /** The model configured for {@code scenario}. */
  public String modelFor(String scenario) {
    return scenarioModels.getOrDefault(scenario, defaultModel);
  }

  /** Every model name the configuration refers to, the default first. */
  public List<String> modelNames() {
    Set<String> names = new LinkedHashSet<>();
    names.add(defaultModel);
    names.addAll(new TreeMap<>(scenarioModels).values());
    return List.copyOf(names);
  }

  public RankingConfig withDefaultModel(String value) {
    return new RankingConfig(
        value,
        scenarioModels,
        maxCandidates,
        batchSize,
        serverThreads,
        serverQueue,
        intraOpThreads,
        reloadIntervalMillis,
        featuresTimeLimitMillis,
        defaultDeadlineMillis,
        referAwareScenarios);
  }

  public RankingConfig withMaxCandidates(int value) {
    return new RankingConfig(
        defaultModel,
        scenarioModels,
        value,
        batchSize,
        serverThreads,
        serverQueue,
        intraOpThreads,
        reloadIntervalMillis,
        featuresTimeLimitMillis,
        defaultDeadlineMillis,
        referAwareScenarios);
  }

  public RankingConfig withBatchSize(int value) {
    return new RankingConfig(
        defaultModel,
        scenarioModels,
        maxCandidates,
        value,
        serverThreads,
        serverQueue,
        intraOpThreads,
        reloadIntervalMillis,
        featuresTimeLimitMillis,
        defaultDeadlineMillis,
        referAwareScenarios);
  }

  public RankingConfig withReloadIntervalMillis(long value) {
    return new RankingConfig(
        defaultModel,
        scenarioModels,
        maxCandidates,
        batchSize,
        serverThreads,
        serverQueue,
        intraOpThreads,
        value,
        featuresTimeLimitMillis,
        defaultDeadlineMillis,
        referAwareScenarios);
  }

  public RankingConfig withFeaturesTimeLimitMillis(long value) {
    return new RankingConfig(
        defaultModel,
        scenarioModels,
        maxCandidates,
        batchSize,
        serverThreads,
        serverQueue,
        intraOpThreads,
        reloadIntervalMillis,
        value,
        defaultDeadlineMillis,
        referAwareScenarios);
  }

  private static void positive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  private static void requireModelName(String name, String key) {
    if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException(
          key + ": model name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
  }
}
