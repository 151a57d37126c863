package io.onair.relations;

/**
 * What the relations job keeps. Immutable and validated.
 *
 * @param anchorNeighbours A2A neighbours kept per anchor (default {@value
 *     #DEFAULT_ANCHOR_NEIGHBOURS}): enough for U2A2A to expand a 30-anchor history into a few
 *     hundred candidates
 * @param itemNeighbours I2I neighbours kept per item (default {@value #DEFAULT_ITEM_NEIGHBOURS})
 * @param maxBasket most recent distinct ids kept per user basket (default {@value
 *     #DEFAULT_MAX_BASKET}): the pair work of a user grows with the square of the basket, and a
 *     user who touched thousands of rooms says little about any pair of them
 * @param popularityHalfLifeDays half-life of the recency weight of a positive impression in the
 *     popularity score (default {@value #DEFAULT_POPULARITY_HALF_LIFE_DAYS}): popularity drifts, so
 *     the last days of the training window count most
 */
public record RelationsConfig(
    int anchorNeighbours, int itemNeighbours, int maxBasket, double popularityHalfLifeDays) {
  public static final int DEFAULT_ANCHOR_NEIGHBOURS = 50;
  public static final int DEFAULT_ITEM_NEIGHBOURS = 30;
  public static final int DEFAULT_MAX_BASKET = 200;
  public static final double DEFAULT_POPULARITY_HALF_LIFE_DAYS = 3;

  public RelationsConfig {
    if (anchorNeighbours < 1 || anchorNeighbours > 10_000) {
      throw new IllegalArgumentException(
          "anchorNeighbours must be 1 to 10000, got " + anchorNeighbours);
    }
    if (itemNeighbours < 1 || itemNeighbours > 10_000) {
      throw new IllegalArgumentException(
          "itemNeighbours must be 1 to 10000, got " + itemNeighbours);
    }
    if (maxBasket < 2 || maxBasket > 100_000) {
      throw new IllegalArgumentException("maxBasket must be 2 to 100000, got " + maxBasket);
    }
    if (!(popularityHalfLifeDays > 0) || Double.isInfinite(popularityHalfLifeDays)) {
      throw new IllegalArgumentException(
          "popularityHalfLifeDays must be positive and finite, got " + popularityHalfLifeDays);
    }
  }

  public static RelationsConfig defaults() {
    return new RelationsConfig(
        DEFAULT_ANCHOR_NEIGHBOURS,
        DEFAULT_ITEM_NEIGHBOURS,
        DEFAULT_MAX_BASKET,
        DEFAULT_POPULARITY_HALF_LIFE_DAYS);
  }
}
