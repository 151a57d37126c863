package io.onair.ranking.serving.grpc;

import io.onair.ranking.serving.ErrorCode;
import io.onair.ranking.serving.RankingException;
import io.onair.ranking.serving.rank.Ranker;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the ranker once its models are loaded, so the server can listen (and answer health checks
 * with NOT_SERVING) while they load. Thread-safe.
 */
final class RankerSlot {
  private final AtomicReference<Ranker> ranker = new AtomicReference<>();

  void set(Ranker loaded) {
    ranker.set(java.util.Objects.requireNonNull(loaded, "loaded is null"));
  }

  /** The ranker, or UNAVAILABLE while loading. */
  Ranker get() {
    Ranker current = ranker.get();
    if (current == null) {
      throw new RankingException(
          ErrorCode.UNAVAILABLE, "ranking is loading its models; retry shortly");
    }
    return current;
  }
}
