/**
 * The offline relations job: anchor-to-anchor (A2A) and item-to-item (I2I) similarity by item-CF,
 * item to the anchors selling it, popularity per scenario, and the per-user histories the recall
 * routes read. Its core ({@link io.onair.relations.ItemCf}) is a pure function over per-user
 * baskets, so it can run partitioned on a cluster (see docs/recall.md).
 */
package io.onair.relations;
