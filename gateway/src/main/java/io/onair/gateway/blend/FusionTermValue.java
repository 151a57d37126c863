package io.onair.gateway.blend;

import static java.util.Objects.requireNonNull;

/**
 * One term of a fused score: {@code value = weight * prediction ^ exponent} (a negative prediction
 * counts as 0, as in the fusion library), in its {@code group} (the target's depth for a
 * multiplicative formula, 0 for an additive one).
 */
public record FusionTermValue(
    String target, double prediction, double weight, double exponent, int group, double value) {
  public FusionTermValue {
    requireNonNull(target, "target is null");
  }
}
