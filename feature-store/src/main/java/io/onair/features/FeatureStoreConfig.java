package io.onair.features;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Configuration of a feature store, shared by every implementation.
 *
 * @param namespace prefix of every key, so several stores (environments, tests) share one Redis;
 *     letters, digits, '.', '_' and '-' only, at most 64 characters, because it is used verbatim in
 *     keys and in the SCAN pattern of {@link FeatureStore#clear()}. Default {@value
 *     #DEFAULT_NAMESPACE}.
 * @param exposureWindowSeconds how long an exposure keeps an anchor out of a user's
 *     recommendations, in seconds, > 0. Default {@value #DEFAULT_EXPOSURE_WINDOW_SECONDS} (one
 *     hour).
 * @param historyMaxLength how many entries each user history keeps (the highest scores), 1 to
 *     {@value #MAX_HISTORY_LENGTH}. Every request reads whole histories, so this bounds the bytes
 *     per request. Default {@value #DEFAULT_HISTORY_MAX_LENGTH}.
 */
public record FeatureStoreConfig(
    String namespace, long exposureWindowSeconds, int historyMaxLength) {
  public static final String DEFAULT_NAMESPACE = "onair";
  public static final long DEFAULT_EXPOSURE_WINDOW_SECONDS = 3600;
  public static final int DEFAULT_HISTORY_MAX_LENGTH = 200;
  public static final int MAX_HISTORY_LENGTH = 10_000;

  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public FeatureStoreConfig {
    requireNonNull(namespace, "namespace is null");
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "namespace '"
              + namespace
              + "' must be 1 to 64 letters, digits, '.', '_' or '-' (it is used verbatim in"
              + " Redis keys and SCAN patterns)");
    }
    if (exposureWindowSeconds <= 0) {
      throw new IllegalArgumentException(
          "exposureWindowSeconds must be > 0, got " + exposureWindowSeconds);
    }
    if (historyMaxLength < 1 || historyMaxLength > MAX_HISTORY_LENGTH) {
      throw new IllegalArgumentException(
          "historyMaxLength must be between 1 and "
              + MAX_HISTORY_LENGTH
              + ", got "
              + historyMaxLength);
    }
  }

  /** Namespace "onair", a one-hour exposure window, histories of 200 entries. */
  public static FeatureStoreConfig defaults() {
    return new FeatureStoreConfig(
        DEFAULT_NAMESPACE, DEFAULT_EXPOSURE_WINDOW_SECONDS, DEFAULT_HISTORY_MAX_LENGTH);
  }

  /** This configuration with another namespace. */
  public FeatureStoreConfig withNamespace(String otherNamespace) {
    return new FeatureStoreConfig(otherNamespace, exposureWindowSeconds, historyMaxLength);
  }
}
