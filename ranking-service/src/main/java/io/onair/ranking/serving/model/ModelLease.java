package io.onair.ranking.serving.model;

import io.onair.ranking.export.RankingModelBundle;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The use of one model version by one call: while a lease is open the version's bundle stays open,
 * even if the registry swaps in a newer version meanwhile. Close it (try-with-resources) when the
 * call is done. Not for sharing between calls; closing twice is harmless.
 */
public final class ModelLease implements AutoCloseable {
  private final LoadedModel model;
  private final AtomicBoolean closed = new AtomicBoolean();

  ModelLease(LoadedModel model) {
    this.model = model;
  }

  /** The model's name (as configured, the directory under {@code ranking/}). */
  public String name() {
    return model.name();
  }

  /** The leased version's id, as {@code CURRENT} named it. */
  public String version() {
    return model.version();
  }

  /** The leased version's bundle; valid until {@link #close()}. */
  public RankingModelBundle bundle() {
    if (closed.get()) {
      throw new IllegalStateException("the lease on model '" + model.name() + "' is closed");
    }
    return model.bundle();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      model.release();
    }
  }
}
