package io.onair.simulator;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything that determines a simulated world: the preset it started from, the seed, and the
 * parameters per concern. Two runs with equal configurations write byte-identical datasets. The
 * parameters, their defaults and the formulas they enter are documented in docs/simulator.md and on
 * each parameter record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param preset the preset this configuration came from (or a name for a custom one); recorded in
 *     the manifest and truth/parameters.json
 * @param seed the master seed; every random stream is derived from it
 * @param world the entities and their hidden attributes
 * @param schedule live schedules and the promotion calendar
 * @param traffic sessions, scenarios and the logging policy
 * @param scenarios per scenario, in the manifest's order: channel, app, tab, swipe
 * @param cascade the coefficients of the label cascade
 */
public record SimulationConfig(
    String preset,
    long seed,
    WorldParameters world,
    ScheduleParameters schedule,
    TrafficParameters traffic,
    List<ScenarioParameters> scenarios,
    CascadeParameters cascade) {

  /** The preset names, smallest first. */
  public static final List<String> PRESETS = List.of("tiny", "small", "medium", "large");

  /** The scenarios, in the order of the manifest. */
  public static final List<String> SCENARIO_NAMES = List.of("channel", "app", "tab", "swipe");

  /** Index of the swipe scenario, where the first target is the 10-second view. */
  public static final int SWIPE = 3;

  public SimulationConfig {
    requireNonNull(preset, "preset is null");
    requireNonNull(world, "world is null");
    requireNonNull(schedule, "schedule is null");
    requireNonNull(traffic, "traffic is null");
    requireNonNull(cascade, "cascade is null");
    scenarios = List.copyOf(requireNonNull(scenarios, "scenarios is null"));
    if (preset.isBlank()) {
      throw new IllegalArgumentException("preset must not be blank");
    }
    if (scenarios.size() != SCENARIO_NAMES.size()) {
      throw new IllegalArgumentException(
          "scenarios must be exactly " + SCENARIO_NAMES + " in that order");
    }
    Set<String> seen = new HashSet<>();
    double share = 0;
    for (int s = 0; s < scenarios.size(); s++) {
      ScenarioParameters scenario = scenarios.get(s);
      if (!scenario.name().equals(SCENARIO_NAMES.get(s)) || !seen.add(scenario.name())) {
        throw new IllegalArgumentException(
            "scenarios must be exactly " + SCENARIO_NAMES + " in that order");
      }
      share += scenario.share();
    }
    if (share <= 0) {
      throw new IllegalArgumentException("at least one scenario share must be positive");
    }
    if (world.items() < world.categories()) {
      throw new IllegalArgumentException("every category needs at least one item");
    }
  }

  /**
   * The configuration of a named preset with {@code seed}.
   *
   * <ul>
   *   <li>{@code tiny}: 300 users, 60 anchors, 8 categories, 600 items, 7 days, ~20k impressions
   *       (unit tests);
   *   <li>{@code small}: 3,000 users, 400 anchors, 12 categories, 4,000 items, 10 days, ~300k
   *       impressions (the quickstart);
   *   <li>{@code medium}: 30,000 users, 3,000 anchors, 20 categories, 30,000 items, 14 days, ~3M
   *       impressions (the default for evaluation);
   *   <li>{@code large}: 1,000,000 users, 100,000 anchors, 40 categories, 500,000 items, 14 days,
   *       ~25M impressions (scale tests; runs in a 1 GB heap).
   * </ul>
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static SimulationConfig preset(String name, long seed) {
    requireNonNull(name, "name is null");
    String key = name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "tiny" -> of(key, seed, WorldParameters.defaults(300, 60, 8, 600, 7), 2.0, 3);
      case "small" -> of(key, seed, WorldParameters.defaults(3_000, 400, 12, 4_000, 10), 1.4, 4);
      case "medium" ->
          of(key, seed, WorldParameters.defaults(30_000, 3_000, 20, 30_000, 14), 1.0, 4);
      case "large" ->
          of(key, seed, WorldParameters.defaults(1_000_000, 100_000, 40, 500_000, 14), 0.25, 4);
      default ->
          throw new IllegalArgumentException(
              "unknown preset '" + name + "': valid presets are " + String.join(", ", PRESETS));
    };
  }

  private static SimulationConfig of(
      String preset,
      long seed,
      WorldParameters world,
      double sessionsPerUserDay,
      double initialFollowsMean) {
    return new SimulationConfig(
        preset,
        seed,
        world.withInitialFollowsMean(initialFollowsMean),
        ScheduleParameters.defaults(),
        TrafficParameters.defaults(sessionsPerUserDay),
        defaultScenarios(),
        CascadeParameters.defaults());
  }

  /** The default scenario parameters, in manifest order. */
  public static List<ScenarioParameters> defaultScenarios() {
    return List.of(
        new ScenarioParameters("channel", 0.40, 8, -3.7, 2.5, 0.35, -3.4),
        new ScenarioParameters("app", 0.28, 8, -3.5, 2.5, 0.35, -3.2),
        new ScenarioParameters("tab", 0.08, 4, -4.1, 1.25, 0.5, -4.0),
        new ScenarioParameters("swipe", 0.24, 5, -2.6, 1.25, 0.1, -3.4));
  }

  public SimulationConfig withSeed(long newSeed) {
    return new SimulationConfig(preset, newSeed, world, schedule, traffic, scenarios, cascade);
  }

  public SimulationConfig withWorld(WorldParameters newWorld) {
    return new SimulationConfig(preset, seed, newWorld, schedule, traffic, scenarios, cascade);
  }

  public SimulationConfig withSchedule(ScheduleParameters newSchedule) {
    return new SimulationConfig(preset, seed, world, newSchedule, traffic, scenarios, cascade);
  }

  public SimulationConfig withTraffic(TrafficParameters newTraffic) {
    return new SimulationConfig(preset, seed, world, schedule, newTraffic, scenarios, cascade);
  }

  public SimulationConfig withScenarios(List<ScenarioParameters> newScenarios) {
    return new SimulationConfig(preset, seed, world, schedule, traffic, newScenarios, cascade);
  }

  public SimulationConfig withCascade(CascadeParameters newCascade) {
    return new SimulationConfig(preset, seed, world, schedule, traffic, scenarios, newCascade);
  }

  public ScenarioParameters scenario(int index) {
    return scenarios.get(index);
  }
}
