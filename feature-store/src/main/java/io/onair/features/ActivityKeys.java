package io.onair.features;

/**
 * The keys under which the real-time anchor statistics are counted: one per anchor, one per
 * category (every anchor of the category together) and one for all rooms, the prior that the rates
 * are smoothed towards. The prefixes keep anchor and category ids apart.
 */
public final class ActivityKeys {
  /** The key of all rooms together. */
  public static final String ALL = "all";

  private ActivityKeys() {}

  public static String anchor(String anchorId) {
    FeatureArguments.requireId(anchorId, "anchorId");
    return "a:" + anchorId;
  }

  public static String category(String category) {
    FeatureArguments.requireId(category, "category");
    return "c:" + category;
  }
}
