package io.onair.pretrain.sequences;

import java.util.Arrays;
import java.util.List;

/**
 * The input sequences of the recall pretraining model, one per recall modality, in the order of the
 * pretrained-vector artifact ({@code PretrainedVectors.MODALITIES}) and of the vector routes.
 */
public enum Modality {
  /** The user's profile tokens (one per declared categorical user feature). */
  PROFILE("profile"),
  /** Followed anchors, most recent follow first. */
  U2F("U2F"),
  /** Watched anchors, by engagement times recency. */
  U2A("U2A"),
  /** A2A neighbours of the watched anchors, as the U2A2A route scores them. */
  U2A2A("U2A2A"),
  /** Anchors selling the items the user interacted with, as the U2I2A route scores them. */
  U2I2A("U2I2A"),
  /** Anchors selling the I2I neighbours of those items, as the U2I2I2A route scores them. */
  U2I2I2A("U2I2I2A");

  private final String wireName;

  Modality(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in artifacts, options and reports. */
  public String wireName() {
    return wireName;
  }

  /** Every modality's wire name, in order. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Modality::wireName).toList();
  }

  /**
   * The modality of that wire name (case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Modality of(String name) {
    for (Modality m : values()) {
      if (m.wireName.equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown modality '" + name + "' (known: " + String.join(", ", wireNames()) + ")");
  }

  public static int count() {
    return values().length;
  }
}
