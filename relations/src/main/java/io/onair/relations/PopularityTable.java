package io.onair.relations;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Anchors by popularity, one list per scenario plus {@link #ALL_SCENARIOS}: each list holds every
 * anchor with a positive impression in the training window, best first, scored by the recency
 * weighted count of positive impressions. Per-category lists are these lists filtered by the
 * anchor's category at serving time. Immutable and thread-safe.
 *
 * @param scenarioRows scenario name to its row in {@code lists}
 * @param lists row r holds the anchors (ids as anchor indexes) of one scenario
 */
public record PopularityTable(Map<String, Integer> scenarioRows, NeighbourTable lists) {
  /** The row over every scenario, for a scenario without its own data. */
  public static final String ALL_SCENARIOS = "*";

  public PopularityTable {
    scenarioRows = Map.copyOf(requireNonNull(scenarioRows, "scenarioRows is null"));
    requireNonNull(lists, "lists is null");
    if (!scenarioRows.containsKey(ALL_SCENARIOS)) {
      throw new IllegalArgumentException("the popularity table has no all-scenarios row");
    }
  }

  /** The row of the scenario, or the all-scenarios row when the scenario has none. */
  public int rowOf(String scenario) {
    Integer row = scenarioRows.get(scenario);
    return row != null ? row : scenarioRows.get(ALL_SCENARIOS);
  }

  /** Scenarios with their own row, in row order (the all-scenarios row last). */
  public List<String> scenarios() {
    return scenarioRows.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .toList();
  }
}
