package io.onair.dataset.progress;

/**
 * Reports the progress of long work, one stage at a time, so that commands can print a line per
 * stage with rate and ETA. Implementations must be cheap to call per row: they throttle their own
 * output. Not required to be thread-safe unless an implementation says so.
 */
public interface Progress {
  /** Progress that reports nothing, for tests and library callers that do not want output. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(String stage, long total, String unit) {}

        @Override
        public void advance(long done) {}

        @Override
        public void finish(String summary) {}
      };

  /**
   * Begins a stage.
   *
   * @param total the expected amount of work, or -1 when unknown
   * @param unit what is counted, such as "rows" or "users"
   */
  void start(String stage, long total, String unit);

  /** Adds {@code done} units of work to the current stage. */
  void advance(long done);

  /** Ends the current stage with a short summary (may be empty). */
  void finish(String summary);
}
