package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

/**
 * What ranking answered: per candidate (by anchor id) the prediction of each target, the model and
 * its flags. Immutable.
 */
public record RankAnswer(
    Map<String, Map<String, Double>> predictions, ModelInfo model, Set<Degradation> flags) {
  public RankAnswer {
    predictions = Map.copyOf(requireNonNull(predictions, "predictions is null"));
    requireNonNull(model, "model is null");
    flags = Set.copyOf(flags);
  }

  /** The predictions of one anchor, empty when ranking did not score it. */
  public Map<String, Double> of(String anchorId) {
    return predictions.getOrDefault(anchorId, Map.of());
  }
}
