package io.onair.recall.grpc;

import io.onair.recall.ErrorCode;
import io.onair.recall.RecallException;
import io.onair.recall.engine.RecallEngine;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the engine once it is loaded, so the server can listen (and answer health checks with
 * NOT_SERVING) while the relations and features load. Thread-safe.
 */
public final class EngineSlot {
  private final AtomicReference<RecallEngine> engine = new AtomicReference<>();

  /** Makes {@code loaded} the engine that answers calls. */
  public void set(RecallEngine loaded) {
    engine.set(java.util.Objects.requireNonNull(loaded, "loaded is null"));
  }

  /** The engine, or UNAVAILABLE while loading. */
  public RecallEngine get() {
    RecallEngine current = engine.get();
    if (current == null) {
      throw new RecallException(
          ErrorCode.UNAVAILABLE, "recall is loading its relations and features; retry shortly");
    }
    return current;
  }
}
