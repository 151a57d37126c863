package io.onair.dataset.progress;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a progress line per stage at most every two seconds, with count, rate and ETA, and a
 * closing line with the elapsed time. Not thread-safe: call from one thread.
 */
public final class ConsoleProgress implements Progress {
  private static final long PRINT_INTERVAL_NANOS = 2_000_000_000L;

  private final PrintStream out;
  private String stage;
  private String unit;
  private long total;
  private long done;
  private long startNanos;
  private long lastPrintNanos;

  public ConsoleProgress(PrintStream out) {
    this.out = requireNonNull(out, "out is null");
  }

  @Override
  public void start(String stage, long total, String unit) {
    this.stage = requireNonNull(stage, "stage is null");
    this.unit = requireNonNull(unit, "unit is null");
    this.total = total;
    this.done = 0;
    this.startNanos = System.nanoTime();
    this.lastPrintNanos = startNanos;
    out.printf(Locale.ROOT, "%s ...%n", stage);
    out.flush();
  }

  @Override
  public void advance(long amount) {
    done += amount;
    long now = System.nanoTime();
    if (now - lastPrintNanos >= PRINT_INTERVAL_NANOS) {
      lastPrintNanos = now;
      double seconds = (now - startNanos) / 1e9;
      double rate = done / Math.max(seconds, 1e-9);
      if (total > 0) {
        double eta = (total - done) / Math.max(rate, 1e-9);
        out.printf(
            Locale.ROOT,
            "  %s: %,d / %,d %s (%.0f%%), %,.0f %s/s, ETA %s%n",
            stage,
            done,
            total,
            unit,
            100.0 * done / total,
            rate,
            unit,
            duration(eta));
      } else {
        out.printf(Locale.ROOT, "  %s: %,d %s, %,.0f %s/s%n", stage, done, unit, rate, unit);
      }
      out.flush();
    }
  }

  @Override
  public void finish(String summary) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    out.printf(
        Locale.ROOT,
        "  %s: done in %s%s%n",
        stage,
        duration(seconds),
        summary == null || summary.isEmpty() ? "" : " (" + summary + ")");
    out.flush();
  }

  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
