package io.onair.gateway.recommend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debug block of an answer: microseconds per stage in pipeline order ("validate", "features",
 * "recall", "rank", "fuse", "filter", "total"), the route outcomes, the counts, the fusion formula
 * (empty when ranking fell back), recall's artifacts and the budget.
 */
public record RecommendDebugInfo(
    Map<String, Long> stageMicros,
    List<RouteReport> routes,
    int recalledCount,
    int rankedCount,
    int filteredCount,
    String fusionFormula,
    List<ArtifactInfo> artifacts,
    long budgetMicros) {
  public RecommendDebugInfo {
    stageMicros = Collections.unmodifiableMap(new LinkedHashMap<>(stageMicros));
    routes = List.copyOf(routes);
    artifacts = List.copyOf(artifacts);
  }
}
