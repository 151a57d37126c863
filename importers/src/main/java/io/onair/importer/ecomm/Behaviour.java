package io.onair.importer.ecomm;

/**
 * The behaviour codes of {@code ecomm_edge_train.txt} and the dataset action each becomes. The
 * declaration order is the order of the purchase funnel, used to order a user's events of one day.
 */
enum Behaviour {
  CLICK(1, "click"),
  COLLECT(2, "collect"),
  CART(3, "cart"),
  BUY(4, "buy");

  private static final Behaviour[] BY_CODE = {null, CLICK, COLLECT, CART, BUY};

  private final int code;
  private final String action;

  Behaviour(int code, String action) {
    this.code = code;
    this.action = action;
  }

  /** The source code (1 to 4). */
  int code() {
    return code;
  }

  /** The {@code action} of item_events.csv. */
  String action() {
    return action;
  }

  /** A one-bit mask, to record which behaviours a user had in a room on a day. */
  int bit() {
    return 1 << ordinal();
  }

  /** The behaviour of a source code, or null for an unknown code. */
  static Behaviour ofCode(int code) {
    return code >= 1 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
