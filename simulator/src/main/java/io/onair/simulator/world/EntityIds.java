package io.onair.simulator.world;

/**
 * The ids written to the dataset: a letter and a zero-padded number ({@code u000123}, {@code
 * a00042}, {@code i000777}, {@code c07}), padded to a fixed width per kind so that ids sort like
 * their numbers. Anchor and category ids are kept (they are written most often); user and item ids
 * are formatted on demand. Immutable and thread-safe.
 */
public final class EntityIds {
  private final int userWidth;
  private final int itemWidth;
  private final String[] anchors;
  private final String[] categories;

  public EntityIds(int users, int anchors, int items, int categories) {
    this.userWidth = width(users, 6);
    this.itemWidth = width(items, 6);
    this.anchors = new String[anchors];
    int anchorWidth = width(anchors, 5);
    for (int a = 0; a < anchors; a++) {
      this.anchors[a] = format('a', a, anchorWidth);
    }
    this.categories = new String[categories];
    int categoryWidth = width(categories, 2);
    for (int c = 0; c < categories; c++) {
      this.categories[c] = format('c', c, categoryWidth);
    }
  }

  public String user(int user) {
    return format('u', user, userWidth);
  }

  public String anchor(int anchor) {
    return anchors[anchor];
  }

  public String item(int item) {
    return format('i', item, itemWidth);
  }

  public String category(int category) {
    return categories[category];
  }

  private static int width(int count, int minimum) {
    return Math.max(minimum, Integer.toString(Math.max(0, count - 1)).length());
  }

  private static String format(char prefix, int number, int width) {
    char[] chars = new char[width + 1];
    chars[0] = prefix;
    int value = number;
    for (int i = width; i >= 1; i--) {
      chars[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return new String(chars);
  }
}
