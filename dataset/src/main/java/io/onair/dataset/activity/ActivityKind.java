package io.onair.dataset.activity;

import java.util.Optional;

/**
 * What happened in a live room, as counted by the real-time anchor statistics: a candidate shown
 * (impression), the room entered (click, or a 10-second view in swipe: the entry rule of {@link
 * io.onair.dataset.PositiveLabels}), the anchor followed, an item carted or bought in the room.
 */
public enum ActivityKind {
  IMPRESSION,
  CLICK,
  FOLLOW,
  CART,
  PURCHASE;

  /** Number of kinds; counts are laid out {@code [bucket * COUNT + kind.ordinal()]}. */
  public static final int COUNT = values().length;

  /** The kind counted for a dataset target, if the target is one of the counted ones. */
  public static Optional<ActivityKind> ofTarget(String target) {
    return switch (target) {
      case "follow" -> Optional.of(FOLLOW);
      case "cart" -> Optional.of(CART);
      case "purchase" -> Optional.of(PURCHASE);
      default -> Optional.empty();
    };
  }
}
