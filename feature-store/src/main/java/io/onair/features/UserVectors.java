package io.onair.features;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's pretrained vectors, one per recall modality, all from one pretraining version, as read
 * by {@link FeatureStore#readUserVectors}. Vector recall compares {@link #version()} with the
 * version of the anchor vectors it serves: vectors of different versions live in different spaces
 * and their inner products mean nothing.
 *
 * <p>The arrays are copied when the record is made and never changed afterwards; callers must not
 * change the arrays {@link #byModality()} hands out either (they are shared, to keep reads cheap).
 *
 * @param version the pretraining version the vectors come from; null exactly when there are none
 * @param byModality modality name (such as "U2F" or "profile") to its vector; every vector is
 *     non-empty and finite
 */
public record UserVectors(String version, Map<String, float[]> byModality) {
  private static final UserVectors EMPTY = new UserVectors(null, Map.of());

  public UserVectors {
    requireNonNull(byModality, "byModality is null");
    if (version == null && !byModality.isEmpty()) {
      throw new IllegalArgumentException("vectors without a version: " + byModality.keySet());
    }
    if (version != null) {
      FeatureArguments.requireId(version, "version");
    }
    Map<String, float[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> entry : byModality.entrySet()) {
      String modality = FeatureArguments.requireModality(entry.getKey());
      copy.put(modality, FeatureArguments.requireVector(entry.getValue(), modality).clone());
    }
    byModality = Map.copyOf(copy);
  }

  /** No vectors: an unknown user, or one that pretraining did not cover. */
  public static UserVectors empty() {
    return EMPTY;
  }

  /** True iff there is no vector at all. */
  public boolean isEmpty() {
    return byModality.isEmpty();
  }

  /** The vector of one modality, or null if the user has none for it. Do not change it. */
  public float[] vector(String modality) {
    requireNonNull(modality, "modality is null");
    return byModality.get(modality);
  }
}
