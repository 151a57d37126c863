package io.onair.features.redis;

import io.onair.features.FeatureStoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns lettuce failures into {@link FeatureStoreException}s that name the operation. */
final class RedisFailures {
  private RedisFailures() {}

  /**
   * The same future, but a failure becomes a {@link FeatureStoreException} whose message is
   * "{operation} failed on Redis: {the Redis error}". A failure that already is one (a decoding
   * error) passes unchanged.
   */
  static <T> CompletableFuture<T> describe(CompletableFuture<T> future, String operation) {
    return future.handle(
        (value, failure) -> {
          if (failure == null) {
            return value;
          }
          throw asStoreException(failure, operation);
        });
  }

  static FeatureStoreException asStoreException(Throwable failure, String operation) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof FeatureStoreException storeException) {
      return storeException;
    }
    return new FeatureStoreException(
        operation
            + " failed on Redis: "
            + cause.getClass().getSimpleName()
            + ": "
            + cause.getMessage(),
        cause);
  }
}
