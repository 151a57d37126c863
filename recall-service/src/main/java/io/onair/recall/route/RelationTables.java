package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.relations.NeighbourTable;
import io.onair.relations.Relations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded relations artifact with the id indexes the routes need. The routes read relation
 * tables from here (loaded once from {@code <artifacts>/relations/}, swapped as a whole with a new
 * build), and per-user state from the feature store. Immutable and thread-safe.
 */
public final class RelationTables {
  private final Relations relations;
  private final Map<String, Integer> anchorIndex;
  private final Map<String, Integer> itemIndex;
  private final int[] anchorCategory;
  private final List<String> categories;

  public RelationTables(Relations relations) {
    this.relations = requireNonNull(relations, "relations is null");
    this.anchorIndex = relations.anchorIndex();
    this.itemIndex = relations.itemIndex();
    Map<String, Integer> categoryIndex = new HashMap<>();
    this.anchorCategory = new int[relations.anchorIds().size()];
    for (int a = 0; a < anchorCategory.length; a++) {
      String category = relations.anchorCategories().get(a);
      Integer c = categoryIndex.get(category);
      if (c == null) {
        c = categoryIndex.size();
        categoryIndex.put(category, c);
      }
      anchorCategory[a] = c;
    }
    String[] names = new String[categoryIndex.size()];
    categoryIndex.forEach((name, c) -> names[c] = name);
    this.categories = List.of(names);
  }

  public Relations relations() {
    return relations;
  }

  public int anchorCount() {
    return anchorCategory.length;
  }

  public int categoryCount() {
    return categories.size();
  }

  /** The anchor's index, or -1 when the artifact does not know it. */
  public int anchor(String anchorId) {
    Integer a = anchorIndex.get(anchorId);
    return a == null ? -1 : a;
  }

  /** The item's index, or -1 when the artifact does not know it. */
  public int item(String itemId) {
    Integer i = itemIndex.get(itemId);
    return i == null ? -1 : i;
  }

  public String anchorId(int anchor) {
    return relations.anchorIds().get(anchor);
  }

  public String itemId(int item) {
    return relations.itemIds().get(item);
  }

  public int categoryOf(int anchor) {
    return anchorCategory[anchor];
  }

  public String categoryName(int anchor) {
    return categories.get(anchorCategory[anchor]);
  }

  public NeighbourTable anchorNeighbours() {
    return relations.anchorNeighbours();
  }

  public NeighbourTable itemNeighbours() {
    return relations.itemNeighbours();
  }

  public NeighbourTable itemAnchors() {
    return relations.itemAnchors();
  }
}
