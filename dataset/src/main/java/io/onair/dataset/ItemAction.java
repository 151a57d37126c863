package io.onair.dataset;

/** The product actions of item_events.csv, in the order of their byte codes. */
public enum ItemAction {
  CLICK("click"),
  COLLECT("collect"),
  CART("cart"),
  BUY("buy");

  private final String wireName;

  ItemAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The action of that name, or null. */
  public static ItemAction parse(String text) {
    for (ItemAction action : values()) {
      if (action.wireName.equals(text)) {
        return action;
      }
    }
    return null;
  }

  public static ItemAction of(byte code) {
    return values()[code];
  }
}
