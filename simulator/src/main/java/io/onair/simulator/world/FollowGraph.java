package io.onair.simulator.world;

import java.util.Arrays;

/**
 * Who follows whom, growing during the simulation. One small growable int array per user (most
 * users follow a handful of anchors), scanned linearly. Not thread-safe.
 */
public final class FollowGraph {
  private static final int[] NONE = new int[0];

  private final int[][] follows;
  private final int[] sizes;
  private long total;

  public FollowGraph(int users) {
    this.follows = new int[users][];
    Arrays.fill(follows, NONE);
    this.sizes = new int[users];
  }

  public boolean follows(int user, int anchor) {
    int[] list = follows[user];
    for (int i = 0, n = sizes[user]; i < n; i++) {
      if (list[i] == anchor) {
        return true;
      }
    }
    return false;
  }

  /** Adds the follow; returns false when it already existed. */
  public boolean add(int user, int anchor) {
    if (follows(user, anchor)) {
      return false;
    }
    int[] list = follows[user];
    int n = sizes[user];
    if (n == list.length) {
      list = Arrays.copyOf(list, Math.max(4, n * 2));
      follows[user] = list;
    }
    list[n] = anchor;
    sizes[user] = n + 1;
    total++;
    return true;
  }

  public int count(int user) {
    return sizes[user];
  }

  /** The i-th anchor the user follows, in the order the follows happened. */
  public int anchor(int user, int index) {
    return follows[user][index];
  }

  public long total() {
    return total;
  }
}
