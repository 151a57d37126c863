package io.onair.features;

/**
 * A storage failure: the backend refused a command, could not be reached, or held data that does
 * not decode. The message names the operation and carries the backend's own error text; the cause
 * is the backend's exception. Argument errors are not reported this way: they are thrown at the
 * call as {@link NullPointerException} or {@link IllegalArgumentException}.
 */
public class FeatureStoreException extends RuntimeException {
  public FeatureStoreException(String message) {
    super(message);
  }

  public FeatureStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
