package io.onair.gateway.events;

/** What a user did; the domain twin of {@code onair.v1.BehaviourType} (without UNSPECIFIED). */
public enum BehaviourKind {
  CLICK,
  VIEW_10S,
  WATCH,
  LIKE,
  COMMENT,
  FOLLOW,
  UNFOLLOW,
  BAG_CLICK,
  CART,
  PURCHASE,
  ITEM_CLICK,
  ITEM_COLLECT;

  /** True for the product interactions that may happen outside a live room. */
  boolean outsideRoom() {
    return this == ITEM_CLICK || this == ITEM_COLLECT;
  }
}
