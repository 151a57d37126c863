package io.onair.simulator.world;

import io.onair.dataset.progress.Progress;
import io.onair.simulator.WorldParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;
import io.onair.simulator.random.WeightedChoice;
import java.util.Arrays;

/**
 * The items and who sells them. Items of a category get consecutive ids; a category gets items in
 * proportion to its anchors. Most items are exclusive to one anchor and their latent vector lies
 * between the category centroid and that anchor's style (so a user's product history points to the
 * rooms that sell similar things); brand items are sold by 2 to brandSellersMax anchors and lie
 * near the centroid. Prices are log-normal around the category's price level, in cents. Immutable
 * after generation.
 */
public final class Items {
  private final int count;
  private final short[] category;
  private final float[] latent;
  private final int[] priceCents;
  private final double[] logPrice;
  private final boolean[] brand;

  /** Items of category c are [categoryStart[c], categoryStart[c+1]). */
  private final int[] categoryStart;

  /** Browsing popularity summed within each category block. */
  private final double[] cumulativePopularity;

  private final Catalogue catalogue;

  private Items(
      int count,
      short[] category,
      float[] latent,
      int[] priceCents,
      boolean[] brand,
      int[] categoryStart,
      double[] cumulativePopularity,
      Catalogue catalogue) {
    this.count = count;
    this.category = category;
    this.latent = latent;
    this.priceCents = priceCents;
    this.logPrice = new double[count];
    for (int i = 0; i < count; i++) {
      logPrice[i] = StrictMath.log(priceCents[i] / 100.0);
    }
    this.brand = brand;
    this.categoryStart = categoryStart;
    this.cumulativePopularity = cumulativePopularity;
    this.catalogue = catalogue;
  }

  public static Items generate(
      WorldParameters world,
      Categories categories,
      Anchors anchors,
      LatentSpace space,
      Seeds seeds,
      Progress progress) {
    int count = world.items();
    int categoryCount = categories.count();
    int[] categoryStart = splitByAnchors(count, anchors, categoryCount);
    short[] category = new short[count];
    int[] seller = new int[count]; // the exclusive seller, or -1 for a brand item
    boolean[] brand = new boolean[count];
    long[] pairs = new long[count + count / 2 + anchors.count() + 16];
    int pairCount = 0;

    progress.start("items and catalogue", count, "items");
    for (int c = 0; c < categoryCount; c++) {
      RandomStream random = seeds.stream(StreamKind.CATALOGUE, c);
      int from = categoryStart[c];
      int size = categoryStart[c + 1] - from;
      int sellers = anchors.categorySize(c);
      int[] order = new int[sellers];
      for (int i = 0; i < sellers; i++) {
        order[i] = anchors.anchorOfCategory(c, i);
      }
      for (int i = sellers - 1; i > 0; i--) { // shuffle who gets the first exclusive items
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      int brandCount = sellers < 2 ? 0 : (int) Math.round(world.brandItemShare() * size);
      brandCount = Math.min(brandCount, size - 1);
      int exclusive = size - brandCount;
      boolean[] served = new boolean[sellers];
      for (int j = 0; j < exclusive; j++) {
        int slot = j < sellers ? j : random.nextInt(sellers);
        served[slot] = true;
        int item = from + j;
        category[item] = (short) c;
        seller[item] = order[slot];
        pairs = grow(pairs, pairCount + 1);
        pairs[pairCount++] = pair(order[slot], item);
      }
      int[] chosen = new int[world.brandSellersMax()];
      for (int j = exclusive; j < size; j++) {
        int item = from + j;
        category[item] = (short) c;
        seller[item] = -1;
        brand[item] = true;
        int wanted = 2 + random.nextInt(Math.min(world.brandSellersMax(), sellers) - 1);
        int n = 0;
        while (n < wanted) {
          int slot = random.nextInt(sellers);
          boolean repeat = false;
          for (int k = 0; k < n; k++) {
            repeat |= chosen[k] == slot;
          }
          if (!repeat) {
            chosen[n++] = slot;
            served[slot] = true;
            pairs = grow(pairs, pairCount + 1);
            pairs[pairCount++] = pair(order[slot], item);
          }
        }
      }
      for (int slot = 0; slot < sellers; slot++) {
        if (!served[slot]) { // fewer items than anchors: share an item of the category
          pairs = grow(pairs, pairCount + 1);
          pairs[pairCount++] = pair(order[slot], from + random.nextInt(size));
        }
      }
    }
    Catalogue catalogue = Catalogue.fromPairs(anchors.count(), pairs, pairCount);

    int dimension = space.dimension();
    float[] latent = new float[count * dimension];
    int[] priceCents = new int[count];
    double[] cumulative = new double[count];
    double[] vector = new double[dimension];
    for (int i = 0; i < count; i++) {
      RandomStream random = seeds.stream(StreamKind.ITEM, i);
      int c = category[i];
      Arrays.fill(vector, 0);
      if (seller[i] >= 0) {
        space.addRow(vector, categories.centroids(), c, 0.5);
        space.addRow(vector, anchors.styles(), seller[i], 0.5);
      } else {
        space.addRow(vector, categories.centroids(), c, 1.0);
      }
      space.addNoise(random, vector, world.itemNoise());
      space.normalize(vector);
      space.store(vector, latent, i);
      double price =
          StrictMath.exp(
              categories.logMedianPrice(c) + world.itemPriceSigma() * random.nextGaussian());
      priceCents[i] = (int) Math.max(100, Math.min(100_000_000L, Math.round(price * 100)));
      double popularity = StrictMath.exp(random.nextGaussian()) * (brand[i] ? 2 : 1);
      boolean first = i == categoryStart[c];
      cumulative[i] = (first ? 0 : cumulative[i - 1]) + popularity;
      if ((i & 4095) == 4095) {
        progress.advance(4096);
      }
    }
    progress.advance(count & 4095);
    progress.finish(count + " items, " + catalogue.rows() + " anchor-item rows");
    return new Items(
        count, category, latent, priceCents, brand, categoryStart, cumulative, catalogue);
  }

  /** Items per category in proportion to anchors per category, at least one each. */
  private static int[] splitByAnchors(int items, Anchors anchors, int categories) {
    int[] size = new int[categories];
    double[] fraction = new double[categories];
    long total = 0;
    for (int c = 0; c < categories; c++) {
      double quota = (double) items * anchors.categorySize(c) / anchors.count();
      size[c] = Math.max(1, (int) Math.floor(quota));
      fraction[c] = quota - Math.floor(quota);
      total += size[c];
    }
    while (total < items) { // largest remainders first, ties by index
      int best = 0;
      for (int c = 1; c < categories; c++) {
        if (fraction[c] > fraction[best]) {
          best = c;
        }
      }
      size[best]++;
      fraction[best] -= 1;
      total++;
    }
    while (total > items) { // only when many categories were raised to one item
      int largest = 0;
      for (int c = 1; c < categories; c++) {
        if (size[c] > size[largest]) {
          largest = c;
        }
      }
      size[largest]--;
      total--;
    }
    int[] start = new int[categories + 1];
    for (int c = 0; c < categories; c++) {
      start[c + 1] = start[c] + size[c];
    }
    return start;
  }

  private static long pair(int anchor, int item) {
    return ((long) anchor << 32) | item;
  }

  private static long[] grow(long[] array, int needed) {
    return needed <= array.length
        ? array
        : Arrays.copyOf(array, Math.max(needed, array.length * 2));
  }

  public int count() {
    return count;
  }

  public int category(int item) {
    return category[item];
  }

  /** Latent vectors as rows of a flat matrix (count x dimension). */
  public float[] latents() {
    return latent;
  }

  public int priceCents(int item) {
    return priceCents[item];
  }

  public double price(int item) {
    return priceCents[item] / 100.0;
  }

  /** Natural logarithm of the price, for the price fit. */
  public double logPrice(int item) {
    return logPrice[item];
  }

  public boolean isBrand(int item) {
    return brand[item];
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  /** An item of {@code category} drawn by browsing popularity. */
  public int samplePopularInCategory(int category, RandomStream random) {
    int from = categoryStart[category];
    int to = categoryStart[category + 1];
    double total = cumulativePopularity[to - 1];
    return WeightedChoice.search(cumulativePopularity, from, to, random.nextDouble() * total);
  }
}
