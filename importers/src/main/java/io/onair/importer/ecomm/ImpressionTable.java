package io.onair.importer.ecomm;

/**
 * The generated impressions in columnar form, in generation order (user-day by user-day, request by
 * request, position by position), with the counts the summary reports. Immutable after building.
 */
final class ImpressionTable {
  /** Counters filled while building. */
  static final class Counts {
    long requests;
    long negatives;
    long shortRequests;
    long impliedClicks;
    long impliedCarts;
    long followLabels;
    long repeatFollowLabels;
    long cartLabels;
    long purchaseLabels;
  }

  private final long[] ts;
  private final int[] user;
  private final int[] room;
  private final int[] day;
  private final int[] request;
  private final int[] position;
  private final int[] labels;
  private final Counts counts;

  ImpressionTable(
      long[] ts,
      int[] user,
      int[] room,
      int[] day,
      int[] request,
      int[] position,
      int[] labels,
      Counts counts) {
    this.ts = ts;
    this.user = user;
    this.room = room;
    this.day = day;
    this.request = request;
    this.position = position;
    this.labels = labels;
    this.counts = counts;
  }

  int size() {
    return ts.length;
  }

  long ts(int row) {
    return ts[row];
  }

  int user(int row) {
    return user[row];
  }

  int room(int row) {
    return room[row];
  }

  int day(int row) {
    return day[row];
  }

  /** The request's number within the user's day (0 for the first room touched that day). */
  int request(int row) {
    return request[row];
  }

  int position(int row) {
    return position[row];
  }

  /** True when label bit {@code label} ({@link ImpressionBuilder#CLICK}, ...) is set. */
  boolean label(int row, int label) {
    return (labels[row] & label) != 0;
  }

  Counts counts() {
    return counts;
  }

  /** The rows in time order; rows of the same second stay in generation order. */
  int[] chronological() {
    return IndexSort.sorted(
        ts.length,
        (a, b) -> {
          int c = Long.compare(ts[a], ts[b]);
          return c != 0 ? c : Integer.compare(a, b);
        });
  }
}
