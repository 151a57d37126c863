package io.onair.simulator;

/** Validation shared by the parameter records: each failure names the parameter and the rule. */
final class ParameterChecks {
  private ParameterChecks() {}

  static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
  }

  static void positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  static void nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
  }

  static void probability(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be within [0, 1], got " + value);
    }
  }

  static void atLeast(String name, long value, long minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
    }
  }

  static void atMost(String name, long value, long maximum) {
    if (value > maximum) {
      throw new IllegalArgumentException(name + " must be at most " + maximum + ", got " + value);
    }
  }
}
