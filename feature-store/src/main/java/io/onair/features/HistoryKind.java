package io.onair.features;

import static java.util.Objects.requireNonNull;

/**
 * The kinds of per-user history the store keeps, each a list of {@link ScoredId} ranked by score.
 * The key name is part of the storage schema (Redis keys end with {@code :h:<keyName>}): never
 * change it for an existing kind.
 */
public enum HistoryKind {
  /** Anchors the user follows; score = follow time in epoch seconds (recent follows first). */
  FOLLOWS("follows"),
  /** Anchors the user watched; score = engagement weight, higher = more relevant. */
  WATCHED_ANCHORS("watched"),
  /** Items (streams, clips) the user acted on; score = action weight. */
  ITEMS("items");

  private final String keyName;

  HistoryKind(String keyName) {
    this.keyName = keyName;
  }

  /** The stable short name used in the storage key schema. */
  public String keyName() {
    return keyName;
  }

  /** The kind whose {@link #keyName()} is {@code keyName}. */
  public static HistoryKind fromKeyName(String keyName) {
    requireNonNull(keyName, "keyName is null");
    for (HistoryKind kind : values()) {
      if (kind.keyName.equals(keyName)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown history key name '" + keyName + "', expected follows, watched or items");
  }
}
