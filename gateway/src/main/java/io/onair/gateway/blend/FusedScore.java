package io.onair.gateway.blend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One candidate's fused score with how it came about: the terms in target-graph order and the
 * formula with the candidate's numbers ({@code expression}).
 */
public record FusedScore(double score, List<FusionTermValue> terms, String expression) {
  public FusedScore {
    terms = List.copyOf(terms);
    requireNonNull(expression, "expression is null");
  }
}
