package io.onair.ranking.features;

import io.onair.dataset.Dataset;
import io.onair.dataset.activity.ActivityCounter;
import io.onair.dataset.activity.ActivityKind;
import io.onair.dataset.activity.ActivityWindow;
import io.onair.dataset.activity.ImpressionActivity;

/**
 * The real-time anchor statistics replayed from the event log, for the training examples: one
 * {@link ActivityCounter} per anchor, per category and for all rooms, fed the impressions and their
 * outcomes in time order ({@link ImpressionActivity}), as the gateway feeds the feature store
 * online. {@link #activity} reads them at an impression's time; the counter's windows end before
 * that minute, so an example never counts an event at or after its own timestamp. Not thread-safe;
 * one per sweep.
 */
final class OfflineActivity {
  private final Dataset dataset;
  private final ImpressionActivity mapping;
  private final ActivityCounter[] anchors;
  private final ActivityCounter[] categories;
  private final ActivityCounter allRooms = new ActivityCounter();
  private final ActivityKind[] kinds = new ActivityKind[ActivityKind.COUNT];

  OfflineActivity(Dataset dataset) {
    this.dataset = dataset;
    this.mapping = new ImpressionActivity(dataset);
    this.anchors = new ActivityCounter[dataset.anchorCount()];
    this.categories = new ActivityCounter[dataset.categories().size() + 1];
  }

  /** Counts impression {@code row} and its outcomes at its time. */
  void record(int row) {
    int anchor = dataset.impressions().anchor()[row];
    long ts = dataset.impressions().ts()[row];
    int n = mapping.kinds(row, kinds);
    for (int i = 0; i < n; i++) {
      count(anchor, kinds[i], ts);
    }
  }

  /** The activity around anchor {@code anchor} (dataset index) just before {@code ts}. */
  LiveActivity activity(int anchor, long ts) {
    ActivityCounter own = anchors[anchor];
    ActivityCounter category = categories[dataset.anchorCategory()[anchor] + 1];
    long since = dataset.liveSchedule().map(s -> s.liveSince(anchor, ts)).orElse(-1L);
    return new LiveActivity(
        own == null ? ActivityWindow.EMPTY : own.window(ts),
        category == null ? ActivityWindow.EMPTY : category.window(ts),
        allRooms.window(ts),
        since,
        ts);
  }

  private void count(int anchor, ActivityKind kind, long ts) {
    counter(anchors, anchor).record(kind, ts, 1);
    counter(categories, dataset.anchorCategory()[anchor] + 1).record(kind, ts, 1);
    allRooms.record(kind, ts, 1);
  }

  private static ActivityCounter counter(ActivityCounter[] counters, int index) {
    ActivityCounter counter = counters[index];
    if (counter == null) {
      counter = new ActivityCounter();
      counters[index] = counter;
    }
    return counter;
  }
}
