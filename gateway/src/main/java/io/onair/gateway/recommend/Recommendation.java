package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to a Recommend call: the items best first, the request id, the ranking model whose
 * predictions were fused (null when ranking fell back), the degradation flags in the wire enum's
 * order, and the debug block (null unless asked for).
 */
public record Recommendation(
    List<RecommendedAnchor> items,
    String requestId,
    ModelInfo model,
    List<Degradation> flags,
    RecommendDebugInfo debug) {
  public Recommendation {
    items = List.copyOf(items);
    requireNonNull(requestId, "requestId is null");
    flags = List.copyOf(flags);
  }
}
