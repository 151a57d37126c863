package io.onair.features;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.activity.ActivityKind;

/**
 * Events of one kind counted under one statistics key at one time, for {@link
 * FeatureStore#recordActivity}.
 *
 * @param key an {@link ActivityKeys} key (an anchor, a category, or all rooms)
 * @param kind what happened
 * @param epochSecond when it happened, >= 0
 * @param count how many such events, >= 1
 */
public record ActivityEvent(String key, ActivityKind kind, long epochSecond, int count) {
  public ActivityEvent {
    FeatureArguments.requireId(key, "key");
    requireNonNull(kind, "kind is null");
    FeatureArguments.requireEpochSecond(epochSecond, "epochSecond");
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
  }
}
