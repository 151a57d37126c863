package io.onair.ranking.serving.rank;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to a {@link RankQuery}: per candidate (request order) one prediction per target of the
 * model, for the first {@code scored} candidates; the rest (cut by the deadline, flag
 * RANKING_PARTIAL) have none. Immutable by convention: the arrays are not copied, do not modify
 * them.
 *
 * @param model the model version that scored
 * @param anchorIds the candidates, in request order
 * @param predictions {@code predictions[t][i]}: target t (model target order) of candidate i
 * @param scored how many leading candidates were scored
 * @param degradations what made the answer less good
 * @param stageMicros wall time per stage ("features", "inference")
 * @param batchSize the most candidates that went through the model in one call
 */
public record RankResult(
    ServedModel model,
    List<String> anchorIds,
    float[][] predictions,
    int scored,
    Set<Degradation> degradations,
    Map<String, Long> stageMicros,
    int batchSize) {
  public RankResult {
    requireNonNull(model, "model is null");
    anchorIds = List.copyOf(requireNonNull(anchorIds, "anchorIds is null"));
    requireNonNull(predictions, "predictions is null");
    degradations =
        degradations.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(EnumSet.copyOf(degradations));
    stageMicros = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageMicros));
    if (scored < 0 || scored > anchorIds.size()) {
      throw new IllegalArgumentException(
          "scored must be 0.." + anchorIds.size() + ", got " + scored);
    }
  }
}
