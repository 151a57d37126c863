package io.onair.features;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Argument checks shared by the domain records and by every {@link FeatureStore} implementation, so
 * that the in-memory and the Redis store refuse the same input with the same message.
 *
 * <p>Ids (user, anchor, item) are arbitrary non-empty strings: any character is allowed because the
 * Redis key schema and the JSON encoding are both safe for it.
 */
public final class FeatureArguments {
  private FeatureArguments() {}

  /** Returns {@code id} if it is a non-null, non-empty string. */
  public static String requireId(String id, String name) {
    requireNonNull(id, name + " is null");
    if (id.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return id;
  }

  /** Returns an immutable copy of a feature map, refusing null keys and values by name. */
  public static Map<String, String> copyFeatures(Map<String, String> features, String name) {
    requireNonNull(features, name + " is null");
    Map<String, String> copy = new HashMap<>(features.size() * 2);
    for (Map.Entry<String, String> entry : features.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException(name + " has a null key");
      }
      if (entry.getValue() == null) {
        throw new IllegalArgumentException(
            name + " has a null value for key '" + entry.getKey() + "'");
      }
      copy.put(entry.getKey(), entry.getValue());
    }
    return Map.copyOf(copy);
  }

  /** Returns an immutable copy of a collection, refusing a null collection or null elements. */
  public static <T> List<T> copyElements(Collection<T> elements, String name) {
    requireNonNull(elements, name + " is null");
    int index = 0;
    for (T element : elements) {
      if (element == null) {
        throw new IllegalArgumentException(name + " has a null element at position " + index);
      }
      index++;
    }
    return List.copyOf(elements);
  }

  /** Returns {@code value} if it is a finite number (scores and deltas must be). */
  public static double requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
    return value;
  }

  /** Returns {@code epochSecond} if it is not negative. */
  public static long requireEpochSecond(long epochSecond, String name) {
    if (epochSecond < 0) {
      throw new IllegalArgumentException(
          name + " must be an epoch second >= 0, got " + epochSecond);
    }
    return epochSecond;
  }
}
