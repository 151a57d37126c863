package io.onair.features;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.activity.ActivityCounter;
import io.onair.dataset.activity.ActivityKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Room activity on its way to {@link FeatureStore#recordActivity}: each event counts under its
 * anchor, the anchor's category and all rooms ({@link ActivityKeys}), summed per key, kind and
 * minute (the counters' finest bucket), so a batch writes each counter slot once. Used by the
 * gateway's event ingest and by the features load's warm-up. Not thread-safe; one per batch.
 */
public final class ActivityTally {
  private record Slot(String key, ActivityKind kind, long minute) {}

  private final Map<Slot, Integer> counts = new LinkedHashMap<>();
  private long events;

  /**
   * Counts one event of {@code kind} at {@code epochSecond} in the room of {@code anchorId}, whose
   * category is {@code category} (empty when unknown: then it counts under the anchor and all rooms
   * only).
   */
  public void add(String anchorId, String category, ActivityKind kind, long epochSecond) {
    requireNonNull(category, "category is null");
    requireNonNull(kind, "kind is null");
    long minute = ActivityCounter.minute(epochSecond);
    counts.merge(new Slot(ActivityKeys.anchor(anchorId), kind, minute), 1, Integer::sum);
    if (!category.isEmpty()) {
      counts.merge(new Slot(ActivityKeys.category(category), kind, minute), 1, Integer::sum);
    }
    counts.merge(new Slot(ActivityKeys.ALL, kind, minute), 1, Integer::sum);
    events++;
  }

  /** The room events added. */
  public long events() {
    return events;
  }

  /** One event per key, kind and minute, at the minute's start, with its count. */
  public List<ActivityEvent> toEvents() {
    List<ActivityEvent> out = new ArrayList<>(counts.size());
    counts.forEach(
        (slot, count) ->
            out.add(new ActivityEvent(slot.key(), slot.kind(), slot.minute() * 60, count)));
    return out;
  }
}
