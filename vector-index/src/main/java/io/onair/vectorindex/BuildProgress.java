package io.onair.vectorindex;

/** Told how far an index build is; called from the build's threads. */
@FunctionalInterface
public interface BuildProgress {
  /** Nothing to tell. */
  BuildProgress NONE = (done, total) -> {};

  void update(int done, int total);
}
