package io.onair.dataset.manifest;

import java.util.Locale;

/** The type of a declared feature column. */
public enum FeatureType {
  /** A token from a vocabulary, such as a city tier. */
  CATEGORICAL,
  /** A number. */
  NUMERIC,
  /** Several tokens separated by '|', such as a list of interests. */
  LIST;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FeatureType parse(String text) {
    for (FeatureType type : values()) {
      if (type.wireName().equals(text)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown feature type '" + text + "' (expected categorical, numeric or list)");
  }
}
