package io.onair.fusion;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fusion of one scenario: a formula, a weight per target that takes part and optional
 * exponents. Changing it needs no retraining. Immutable.
 *
 * @param formula additive or multiplicative
 * @param weights target name to weight; targets not listed do not take part. At least one target,
 *     weights finite and non-negative
 * @param exponents target name to exponent applied to the prediction before weighting (default 1
 *     for every target not listed); each must name a weighted target and be finite and positive
 */
public record FusionConfig(
    FusionFormula formula, Map<String, Double> weights, Map<String, Double> exponents) {
  public FusionConfig {
    requireNonNull(formula, "formula is null");
    requireNonNull(weights, "weights is null");
    requireNonNull(exponents, "exponents is null");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("fusion needs a weight for at least one target");
    }
    for (Map.Entry<String, Double> weight : weights.entrySet()) {
      double w = requireNonNull(weight.getValue(), "weight is null");
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException(
            "weight of target '" + weight.getKey() + "' must be finite and >= 0, got " + w);
      }
    }
    for (Map.Entry<String, Double> exponent : exponents.entrySet()) {
      if (!weights.containsKey(exponent.getKey())) {
        throw new IllegalArgumentException(
            "exponent given for target '" + exponent.getKey() + "', which has no weight");
      }
      double e = requireNonNull(exponent.getValue(), "exponent is null");
      if (!Double.isFinite(e) || e <= 0) {
        throw new IllegalArgumentException(
            "exponent of target '" + exponent.getKey() + "' must be finite and > 0, got " + e);
      }
    }
    weights = java.util.Collections.unmodifiableMap(new TreeMap<>(weights));
    exponents = java.util.Collections.unmodifiableMap(new TreeMap<>(exponents));
  }

  /** A configuration without exponents (every exponent 1). */
  public static FusionConfig of(FusionFormula formula, Map<String, Double> weights) {
    return new FusionConfig(formula, weights, Map.of());
  }

  /**
   * Builds the fusion for predictions laid out in {@code graph}'s order.
   *
   * @throws IllegalArgumentException when a weighted target is not in the graph
   */
  public ScoreFusion bind(TargetGraph graph) {
    requireNonNull(graph, "graph is null");
    int size = graph.size();
    double[] weightByTarget = new double[size];
    double[] exponentByTarget = new double[size];
    boolean[] used = new boolean[size];
    for (Map.Entry<String, Double> weight : weights.entrySet()) {
      if (!graph.contains(weight.getKey())) {
        throw new IllegalArgumentException(
            "fusion weight names target '"
                + weight.getKey()
                + "', which is not in the target graph "
                + graph.names());
      }
      int index = graph.indexOf(weight.getKey());
      used[index] = true;
      weightByTarget[index] = weight.getValue();
      exponentByTarget[index] = exponents.getOrDefault(weight.getKey(), 1.0);
    }
    return switch (formula) {
      case ADDITIVE -> new AdditiveFusion(used, weightByTarget, exponentByTarget);
      case MULTIPLICATIVE ->
          new MultiplicativeFusion(graph, used, weightByTarget, exponentByTarget);
    };
  }
}
