package io.onair.fusion;

/** The one weighted term both formulas share, {@code w p^e}, and the input check. */
final class TermCheck {
  private TermCheck() {}

  static double term(double weight, float prediction, double exponent) {
    double p = Math.max(0.0, prediction);
    return weight * (exponent == 1.0 ? p : Math.pow(p, exponent));
  }

  static void requireLength(float[] predictions, int expected) {
    if (predictions.length != expected) {
      throw new IllegalArgumentException(
          "expected one prediction per target (" + expected + "), got " + predictions.length);
    }
  }
}
