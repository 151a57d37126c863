package io.onair.dataset.manifest;

import java.util.Locale;

/** What a target's label holds. */
public enum TargetKind {
  /** 0 or 1: did the behaviour happen. */
  BINARY,
  /** A non-negative number, such as watch seconds or GMV. */
  NUMERIC;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind of a standard target when the manifest does not say: watch_seconds and gmv are
   * numeric.
   */
  public static TargetKind defaultFor(String targetName) {
    return switch (targetName) {
      case "watch_seconds", "gmv" -> NUMERIC;
      default -> BINARY;
    };
  }

  public static TargetKind parse(String text) {
    for (TargetKind kind : values()) {
      if (kind.wireName().equals(text)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown target kind '" + text + "' (expected binary or numeric)");
  }
}
