package io.onair.ranking.serving.features;

import static java.util.Objects.requireNonNull;

import io.onair.features.FeatureStore;
import io.onair.features.UserFeatures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a user's features within a time limit, degrading instead of failing: a store that fails or
 * does not answer in time yields the defaults of an unknown user, marked unavailable. Thread-safe.
 */
public final class UserFeatureReader {
  private static final System.Logger log = System.getLogger(UserFeatureReader.class.getName());

  private final FeatureStore store;

  public UserFeatureReader(FeatureStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** What was read, and whether it is the user's own features. */
  public record Read(UserFeatures features, boolean available) {
    public Read {
      requireNonNull(features, "features is null");
    }
  }

  /**
   * The features of {@code userId} at {@code requestTime}; {@code available} is false when the
   * store failed, ran past {@code limitNanos}, or does not know the user.
   */
  public Read read(String userId, long requestTime, long limitNanos) {
    CompletableFuture<UserFeatures> future;
    try {
      future = store.readUser(userId, requestTime);
    } catch (RuntimeException e) {
      log.log(System.Logger.Level.WARNING, "feature store refused a read; using defaults", e);
      return new Read(UserFeatures.unknown(userId), false);
    }
    try {
      UserFeatures features = future.get(Math.max(0, limitNanos), TimeUnit.NANOSECONDS);
      return new Read(features, features.isKnown());
    } catch (TimeoutException e) {
      future.cancel(false);
      return new Read(UserFeatures.unknown(userId), false);
    } catch (ExecutionException e) {
      log.log(
          System.Logger.Level.WARNING,
          "feature store read failed; using defaults: " + e.getCause());
      return new Read(UserFeatures.unknown(userId), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      return new Read(UserFeatures.unknown(userId), false);
    }
  }
}
