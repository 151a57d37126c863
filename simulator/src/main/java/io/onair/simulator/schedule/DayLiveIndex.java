package io.onair.simulator.schedule;

import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.WeightedChoice;
import io.onair.simulator.world.Anchors;

/**
 * For one day, the anchors showable at some time of each hour, sorted by category, with cumulative
 * popularity, so that the logging policy draws a live anchor (uniformly, by popularity, or by
 * popularity within a category) in O(log n) and never scores all anchors. A drawn anchor is checked
 * against the exact time with {@link AnchorSchedule#isShowable}; most are live for the whole hour.
 *
 * <p>Rebuilt for each day into the same arrays (they only grow). Not thread-safe.
 */
public final class DayLiveIndex {
  private final AnchorSchedule schedule;
  private final Anchors anchors;
  private final int categories;
  private final int minRemaining;

  /** Hour h's anchors are list[hourStart[h] .. hourStart[h+1]). */
  private final int[] hourStart = new int[25];

  /** Category c of hour h is list[categoryStart[h * (C+1) + c] .. categoryStart[h*(C+1)+c+1]). */
  private final int[] categoryStart;

  private int[] list = new int[0];
  private double[] cumulative = new double[0];
  private int day = Integer.MIN_VALUE;

  public DayLiveIndex(AnchorSchedule schedule, Anchors anchors, int categories, int minRemaining) {
    this.schedule = schedule;
    this.anchors = anchors;
    this.categories = categories;
    this.minRemaining = minRemaining;
    this.categoryStart = new int[24 * (categories + 1)];
  }

  /** Rebuilds the index for {@code day}. */
  public void build(int day) {
    this.day = day;
    int stride = categories + 1;
    int[] counts = new int[24 * categories];
    for (int pass = 0; pass < 2; pass++) {
      int[] fill = null;
      if (pass == 1) {
        int total = 0;
        for (int h = 0; h < 24; h++) {
          hourStart[h] = total;
          for (int c = 0; c < categories; c++) {
            categoryStart[h * stride + c] = total;
            total += counts[h * categories + c];
          }
          categoryStart[h * stride + categories] = total;
        }
        hourStart[24] = total;
        if (list.length < total) {
          list = new int[total + total / 4];
          cumulative = new double[list.length];
        }
        fill = new int[24 * categories];
        for (int h = 0; h < 24; h++) {
          System.arraycopy(categoryStart, h * stride, fill, h * categories, categories);
        }
      }
      for (int a = 0; a < anchors.count(); a++) {
        int c = anchors.category(a);
        for (int d = day - 1; d <= day; d++) {
          if (d < -1 || !schedule.hasSession(a, d)) {
            continue;
          }
          int dayStart = day * AnchorSchedule.DAY;
          int lastShowable = schedule.end(a, d) - minRemaining - 1;
          int first = Math.floorDiv(schedule.start(a, d) - dayStart, 3600);
          int last = Math.floorDiv(lastShowable - dayStart, 3600);
          for (int h = Math.max(0, first); h <= Math.min(23, last); h++) {
            if (pass == 0) {
              counts[h * categories + c]++;
            } else {
              list[fill[h * categories + c]++] = a;
            }
          }
        }
      }
    }
    for (int h = 0; h < 24; h++) {
      double sum = 0;
      for (int i = hourStart[h]; i < hourStart[h + 1]; i++) {
        sum += anchors.popularityWeight(list[i]);
        cumulative[i] = sum;
      }
    }
  }

  public int day() {
    return day;
  }

  /** Number of anchors showable at some time of hour {@code hour}. */
  public int hourSize(int hour) {
    return hourStart[hour + 1] - hourStart[hour];
  }

  /** A uniformly drawn anchor of the hour, or -1 when none is live. */
  public int sampleUniform(int hour, RandomStream random) {
    int size = hourSize(hour);
    return size == 0 ? -1 : list[hourStart[hour] + random.nextInt(size)];
  }

  /** An anchor of the hour drawn by popularity, or -1. */
  public int samplePopular(int hour, RandomStream random) {
    return samplePopular(hourStart[hour], hourStart[hour + 1], hourStart[hour], random);
  }

  /** An anchor of the hour and category drawn by popularity, or -1. */
  public int samplePopularInCategory(int hour, int category, RandomStream random) {
    int stride = categories + 1;
    return samplePopular(
        categoryStart[hour * stride + category],
        categoryStart[hour * stride + category + 1],
        hourStart[hour],
        random);
  }

  private int samplePopular(int from, int to, int hourFrom, RandomStream random) {
    if (from >= to) {
      return -1;
    }
    double before = from == hourFrom ? 0 : cumulative[from - 1];
    double target = before + random.nextDouble() * (cumulative[to - 1] - before);
    return list[WeightedChoice.search(cumulative, from, to, target)];
  }
}
