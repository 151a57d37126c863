package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import io.onair.gateway.explain.Explanation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recommended anchor: final score, 1-based rank, category, recall provenance, predictions in
 * target-graph order (empty when not ranked) and, for debug requests, its explanation (else null).
 */
public record RecommendedAnchor(
    String anchorId,
    double score,
    int rank,
    String category,
    List<Provenance> routes,
    Map<String, Double> predictions,
    Explanation explanation) {
  public RecommendedAnchor {
    requireNonNull(anchorId, "anchorId is null");
    requireNonNull(category, "category is null");
    routes = List.copyOf(routes);
    predictions = Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
  }
}
