package io.onair.recall.engine;

import io.onair.dataset.DataWindow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to one recall request. Immutable.
 *
 * @param candidates best first, at most K, no duplicates
 * @param outcomes one per route considered, in the configured order
 * @param degradations what made the answer less good than normal
 * @param relationsVersion the version of the relations artifact used
 * @param relationsWindow its data window
 * @param debug counts of what was removed and stage latencies (always filled; cheap)
 */
public record RecallResult(
    List<RecalledAnchor> candidates,
    List<RouteOutcome> outcomes,
    Set<Degradation> degradations,
    String relationsVersion,
    DataWindow relationsWindow,
    Debug debug) {
  public RecallResult {
    candidates = List.copyOf(candidates);
    outcomes = List.copyOf(outcomes);
    degradations = Set.copyOf(degradations);
  }

  /** What the merge removed and where the time went (microseconds per stage). */
  public record Debug(
      int duplicatesMerged,
      int removedNotLive,
      int removedRecentlyShown,
      int removedExcluded,
      int removedByQuota,
      Map<String, Long> stageMicros) {
    public Debug {
      // Stages stay in the order they ran (features, routes, merge, total).
      stageMicros = Collections.unmodifiableMap(new LinkedHashMap<>(stageMicros));
    }
  }

  /** The outcome of {@code route}, if it was considered. */
  public RouteOutcome outcome(String route) {
    return outcomes.stream().filter(o -> o.route().equals(route)).findFirst().orElse(null);
  }
}
