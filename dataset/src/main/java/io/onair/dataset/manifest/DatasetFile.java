package io.onair.dataset.manifest;

import java.util.List;
import java.util.regex.Pattern;

/** The files of an {@code onair-dataset/1} directory and the columns each one requires. */
public enum DatasetFile {
  USERS("users.csv", List.of("user_id"), List.of(), true),
  ANCHORS("anchors.csv", List.of("anchor_id", "category"), List.of(), true),
  ITEMS("items.csv", List.of("item_id", "category", "price"), List.of(), true),
  ANCHOR_ITEMS(
      "anchor_items.csv", List.of("anchor_id", "item_id"), List.of("start_ts", "end_ts"), false),
  LIVE_SESSIONS("live_sessions.csv", List.of("anchor_id", "start_ts", "end_ts"), List.of(), false),
  FOLLOWS("follows.csv", List.of("user_id", "anchor_id", "ts"), List.of(), false),
  ITEM_EVENTS("item_events.csv", List.of("user_id", "item_id", "action", "ts"), List.of(), false),
  /** Label columns, one per target, follow the required ones. */
  IMPRESSIONS(
      "impressions.csv",
      List.of("ts", "user_id", "anchor_id", "scenario", "refer_anchor_id", "position"),
      List.of("request_id"),
      false);

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

  private final String fileName;
  private final List<String> requiredColumns;
  private final List<String> optionalColumns;
  private final boolean acceptsFeatures;

  DatasetFile(
      String fileName,
      List<String> requiredColumns,
      List<String> optionalColumns,
      boolean acceptsFeatures) {
    this.fileName = fileName;
    this.requiredColumns = requiredColumns;
    this.optionalColumns = optionalColumns;
    this.acceptsFeatures = acceptsFeatures;
  }

  public String fileName() {
    return fileName;
  }

  public List<String> requiredColumns() {
    return requiredColumns;
  }

  public List<String> optionalColumns() {
    return optionalColumns;
  }

  public boolean acceptsFeatures() {
    return acceptsFeatures;
  }

  public static DatasetFile byFileName(String fileName) {
    for (DatasetFile file : values()) {
      if (file.fileName.equals(fileName)) {
        return file;
      }
    }
    throw new IllegalArgumentException(
        "unknown dataset file '" + fileName + "' (expected users.csv, anchors.csv or items.csv)");
  }

  static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }
}
