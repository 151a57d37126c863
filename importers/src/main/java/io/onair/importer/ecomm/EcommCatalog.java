package io.onair.importer.ecomm;

import io.onair.dataset.progress.Progress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/**
 * The items of {@code ecomm_item_feature.txt} and the leaf categories ({@code cate_id}) they belong
 * to. Each leaf category becomes one live room, so the category's dense index is also the room's.
 * Categories are indexed in ascending {@code cate_id} order, items in file order. Immutable.
 */
final class EcommCatalog {
  static final String FILE_NAME = "ecomm_item_feature.txt";
  private static final List<String> COLUMNS =
      List.of("item_id", "cate_1_id", "cate_id", "brand_id", "price");

  private final long[] itemIds;
  private final int[] itemCategory;
  private final long[] itemBrand;
  private final double[] itemPrice;
  private final Map<Long, Integer> itemIndex;
  private final long[] categoryIds;
  private final long[] categoryTop;
  private final int[] categoryItemCount;

  private EcommCatalog(
      long[] itemIds,
      int[] itemCategory,
      long[] itemBrand,
      double[] itemPrice,
      Map<Long, Integer> itemIndex,
      long[] categoryIds,
      long[] categoryTop,
      int[] categoryItemCount) {
    this.itemIds = itemIds;
    this.itemCategory = itemCategory;
    this.itemBrand = itemBrand;
    this.itemPrice = itemPrice;
    this.itemIndex = itemIndex;
    this.categoryIds = categoryIds;
    this.categoryTop = categoryTop;
    this.categoryItemCount = categoryItemCount;
  }

  /**
   * Reads the item file. Fails on a repeated item, on a category filed under two top categories,
   * and on any malformed field.
   */
  static EcommCatalog read(Path directory, Progress progress) {
    LongStream.Builder ids = LongStream.builder();
    LongStream.Builder leafIds = LongStream.builder();
    LongStream.Builder brands = LongStream.builder();
    DoubleStream.Builder prices = DoubleStream.builder();
    Map<Long, Integer> itemIndex = new HashMap<>();
    Map<Long, long[]> topAndLineByLeaf = new HashMap<>();
    progress.start("reading " + FILE_NAME, -1, "items");
    int count = 0;
    try (TabSeparatedFile file = TabSeparatedFile.open(directory, FILE_NAME, COLUMNS)) {
      while (file.next()) {
        long itemId = file.id(0);
        long top = file.id(1);
        long leaf = file.id(2);
        long brand = file.id(3);
        double price = file.number(4);
        if (price < 0) {
          throw file.fail("price must not be negative, got '" + file.text(4) + "'");
        }
        Integer previous = itemIndex.putIfAbsent(itemId, count);
        if (previous != null) {
          throw file.fail("item " + itemId + " is listed twice");
        }
        long[] known = topAndLineByLeaf.putIfAbsent(leaf, new long[] {top, file.line()});
        if (known != null && known[0] != top) {
          throw file.fail(
              "cate_id "
                  + leaf
                  + " has cate_1_id "
                  + top
                  + ", but line "
                  + known[1]
                  + " gave it cate_1_id "
                  + known[0]);
        }
        ids.add(itemId);
        leafIds.add(leaf);
        brands.add(brand);
        prices.add(price);
        count++;
        if ((count & 4095) == 0) {
          progress.advance(4096);
        }
      }
    }
    progress.advance(count & 4095);

    long[] categoryIds =
        topAndLineByLeaf.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    Map<Long, Integer> categoryIndex = new HashMap<>();
    long[] categoryTop = new long[categoryIds.length];
    for (int c = 0; c < categoryIds.length; c++) {
      categoryIndex.put(categoryIds[c], c);
      categoryTop[c] = topAndLineByLeaf.get(categoryIds[c])[0];
    }
    long[] leafOfItem = leafIds.build().toArray();
    int[] itemCategory = new int[leafOfItem.length];
    int[] categoryItemCount = new int[categoryIds.length];
    for (int i = 0; i < leafOfItem.length; i++) {
      itemCategory[i] = categoryIndex.get(leafOfItem[i]);
      categoryItemCount[itemCategory[i]]++;
    }
    progress.finish(
        String.format(
            Locale.ROOT,
            "%,d items in %,d categories; distinct cate_1_id: %,d",
            count,
            categoryIds.length,
            Arrays.stream(categoryTop).distinct().count()));
    return new EcommCatalog(
        ids.build().toArray(),
        itemCategory,
        brands.build().toArray(),
        prices.build().toArray(),
        itemIndex,
        categoryIds,
        categoryTop,
        categoryItemCount);
  }

  int itemCount() {
    return itemIds.length;
  }

  /** The dense index of a source item id, or -1 when the item file does not list it. */
  int itemIndex(long itemId) {
    Integer index = itemIndex.get(itemId);
    return index == null ? -1 : index;
  }

  long itemId(int item) {
    return itemIds[item];
  }

  /** The dense category (and room) index of an item. */
  int category(int item) {
    return itemCategory[item];
  }

  /** The brand_id; 0 means "no brand" in this data. */
  long brand(int item) {
    return itemBrand[item];
  }

  double price(int item) {
    return itemPrice[item];
  }

  int categoryCount() {
    return categoryIds.length;
  }

  /** The source cate_id of a dense category index. */
  long categoryId(int category) {
    return categoryIds[category];
  }

  /** The cate_1_id (top category) a leaf category sits under. */
  long topCategory(int category) {
    return categoryTop[category];
  }

  int itemsInCategory(int category) {
    return categoryItemCount[category];
  }
}
