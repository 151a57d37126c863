package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.activity.ActivityWindow;

/**
 * What was happening in a candidate's room just before the request, the input of the real-time
 * anchor statistics ({@link LiveStatistics}): the anchor's, its category's and all rooms' activity
 * windows ({@link io.onair.dataset.activity.ActivityCounter}), and since when the anchor is live.
 * Training fills it from the event log strictly before each impression ({@link DatasetExamples});
 * serving from the feature store. Immutable.
 *
 * @param anchor the anchor's last hour and day
 * @param category the same for every anchor of its category
 * @param allRooms the same for all rooms: the prior that rates are smoothed towards
 * @param liveSinceEpochSecond start of the anchor's current live session, -1 when unknown or not
 *     live
 * @param atEpochSecond the time of the request (or of the impression, offline)
 */
public record LiveActivity(
    ActivityWindow anchor,
    ActivityWindow category,
    ActivityWindow allRooms,
    long liveSinceEpochSecond,
    long atEpochSecond) {
  /** Nothing known: every statistic at its no-activity value. */
  public static LiveActivity none(long atEpochSecond) {
    return new LiveActivity(
        ActivityWindow.EMPTY, ActivityWindow.EMPTY, ActivityWindow.EMPTY, -1, atEpochSecond);
  }

  public LiveActivity {
    requireNonNull(anchor, "anchor is null");
    requireNonNull(category, "category is null");
    requireNonNull(allRooms, "allRooms is null");
  }
}
