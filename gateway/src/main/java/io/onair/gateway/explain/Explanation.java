package io.onair.gateway.explain;

import static java.util.Objects.requireNonNull;

import io.onair.gateway.blend.FusionTermValue;
import java.util.List;

/**
 * How one item's score came about, for debug answers: the fusion kind ("additive",
 * "multiplicative", or empty when the item was not fused), the formula with its numbers, the terms,
 * the fused score, adjustments after fusion and one readable reason.
 */
public record Explanation(
    String fusion,
    String expression,
    List<FusionTermValue> terms,
    double fusedScore,
    List<String> adjustments,
    String reason) {
  public Explanation {
    requireNonNull(fusion, "fusion is null");
    requireNonNull(expression, "expression is null");
    terms = List.copyOf(terms);
    adjustments = List.copyOf(adjustments);
    requireNonNull(reason, "reason is null");
  }
}
