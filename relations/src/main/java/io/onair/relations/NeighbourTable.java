package io.onair.relations;

import static java.util.Objects.requireNonNull;

/**
 * For each of {@code size()} ids (dense ints), its neighbours, best first, with their scores: a
 * compressed sparse row table. Immutable by contract (callers must not modify the arrays) and
 * thread-safe.
 *
 * @param offsets the neighbours of id {@code i} are {@code [offsets[i], offsets[i + 1])}
 * @param neighbours neighbour ids
 * @param scores neighbour scores, descending within each row
 */
public record NeighbourTable(int[] offsets, int[] neighbours, float[] scores) {
  public NeighbourTable {
    requireNonNull(offsets, "offsets is null");
    requireNonNull(neighbours, "neighbours is null");
    requireNonNull(scores, "scores is null");
    if (offsets.length == 0
        || offsets[0] != 0
        || offsets[offsets.length - 1] != neighbours.length) {
      throw new IllegalArgumentException("offsets must run from 0 to the number of neighbours");
    }
    if (neighbours.length != scores.length) {
      throw new IllegalArgumentException("neighbours and scores differ in length");
    }
  }

  /** The number of ids that have a row (possibly empty). */
  public int size() {
    return offsets.length - 1;
  }

  public int start(int id) {
    return offsets[id];
  }

  public int end(int id) {
    return offsets[id + 1];
  }

  public int neighbour(int position) {
    return neighbours[position];
  }

  public float score(int position) {
    return scores[position];
  }

  /** Total number of (id, neighbour) pairs. */
  public int pairCount() {
    return neighbours.length;
  }
}
