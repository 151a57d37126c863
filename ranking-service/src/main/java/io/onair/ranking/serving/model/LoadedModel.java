package io.onair.ranking.serving.model;

import static java.util.Objects.requireNonNull;

import io.onair.ranking.export.RankingModelBundle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded version of a model with a reference count: the registry holds one reference while the
 * version serves, and every call holds one through a {@link ModelLease}. The bundle (its native
 * TensorFlow memory) is closed when the count falls to zero, that is after the registry has swapped
 * in a newer version and the last call on this one has finished. Thread-safe.
 */
final class LoadedModel {
  private final String name;
  private final String version;
  private final RankingModelBundle bundle;
  private final AtomicInteger references = new AtomicInteger(1);
  private final Runnable onClose;

  LoadedModel(String name, String version, RankingModelBundle bundle, Runnable onClose) {
    this.name = requireNonNull(name, "name is null");
    this.version = requireNonNull(version, "version is null");
    this.bundle = requireNonNull(bundle, "bundle is null");
    this.onClose = requireNonNull(onClose, "onClose is null");
  }

  String name() {
    return name;
  }

  /** The version id this was loaded as (the directory under {@code versions/}). */
  String version() {
    return version;
  }

  RankingModelBundle bundle() {
    return bundle;
  }

  /** Takes a reference unless the model is already closed; false when it is. */
  boolean retain() {
    while (true) {
      int count = references.get();
      if (count == 0) {
        return false;
      }
      if (references.compareAndSet(count, count + 1)) {
        return true;
      }
    }
  }

  /** Drops a reference; the last one closes the bundle. */
  void release() {
    int count = references.decrementAndGet();
    assert count >= 0 : "released more often than retained";
    if (count == 0) {
      try {
        bundle.close();
      } finally {
        onClose.run();
      }
    }
  }

  boolean isClosed() {
    return references.get() == 0;
  }
}
