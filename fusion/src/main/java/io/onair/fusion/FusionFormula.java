package io.onair.fusion;

import java.util.Locale;

/** How the weighted target terms are combined (product.md, "Score fusion at serving"). */
public enum FusionFormula {
  /** {@code sum_k w_k p_k^e_k}. */
  ADDITIVE,
  /**
   * Along the target graph: targets at the same depth add, depths multiply, so {@code (w1 p_click)
   * * (w2 p_watch + w3 p_follow) * (w4 p_cart + w5 p_purchase)} for a graph click -> {watch,
   * follow} -> {cart, purchase}.
   */
  MULTIPLICATIVE;

  /** Parses {@code additive} or {@code multiplicative} (case-insensitive). */
  public static FusionFormula parse(String text) {
    for (FusionFormula formula : values()) {
      if (formula.name().equalsIgnoreCase(text.trim())) {
        return formula;
      }
    }
    throw new IllegalArgumentException(
        "unknown fusion formula '" + text + "' (expected additive or multiplicative)");
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
