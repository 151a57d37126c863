package io.onair.features;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
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

  /**
   * The name of the field that holds the version of a user's vectors in the Redis hash, and so a
   * name no modality may have.
   */
  public static final String VECTOR_VERSION_FIELD = "version";

  /**
   * Returns {@code modality} if it is a non-empty name other than {@value #VECTOR_VERSION_FIELD}.
   */
  public static String requireModality(String modality) {
    requireId(modality, "modality");
    if (modality.equals(VECTOR_VERSION_FIELD)) {
      throw new IllegalArgumentException(
          "modality must not be '" + VECTOR_VERSION_FIELD + "' (it names the version field)");
    }
    return modality;
  }

  /** Returns {@code vector} if it is non-null, non-empty and every component is finite. */
  public static float[] requireVector(float[] vector, String name) {
    requireNonNull(vector, "vector of " + name + " is null");
    if (vector.length == 0) {
      throw new IllegalArgumentException("vector of " + name + " is empty");
    }
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new IllegalArgumentException(
            "vector of " + name + " has a non-finite component at " + i + ": " + vector[i]);
      }
    }
    return vector;
  }

  /**
   * Checks the arguments of {@link FeatureStore#putUserVectors} and returns the users' vectors in a
   * copy of the map's order (the arrays themselves are not copied). Refuses a null or empty
   * version, a bad modality, null or empty user ids, bad vectors, and vectors of different
   * dimensions.
   */
  public static List<Map.Entry<String, float[]>> checkUserVectors(
      String version, String modality, Map<String, float[]> vectorsByUser) {
    requireId(version, "version");
    requireModality(modality);
    requireNonNull(vectorsByUser, "vectorsByUser is null");
    List<Map.Entry<String, float[]>> entries = new ArrayList<>(vectorsByUser.size());
    int dimension = -1;
    for (Map.Entry<String, float[]> entry : vectorsByUser.entrySet()) {
      String userId = requireId(entry.getKey(), "vectorsByUser key");
      float[] vector = requireVector(entry.getValue(), "user '" + userId + "'");
      if (dimension >= 0 && vector.length != dimension) {
        throw new IllegalArgumentException(
            "vector of user '"
                + userId
                + "' has dimension "
                + vector.length
                + ", the others "
                + dimension);
      }
      dimension = vector.length;
      entries.add(Map.entry(userId, vector));
    }
    return entries;
  }
}
