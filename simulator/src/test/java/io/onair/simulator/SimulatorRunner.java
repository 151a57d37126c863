package io.onair.simulator;

import io.onair.dataset.progress.ConsoleProgress;
import java.nio.file.Path;

/**
 * Runs a preset from the command line, for measuring sizes and times outside the test suite (the
 * large preset with {@code -Xmx1g}): {@code SimulatorRunner PRESET SEED OUT_DIRECTORY}.
 */
public final class SimulatorRunner {
  private SimulatorRunner() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: SimulatorRunner PRESET SEED OUT_DIRECTORY");
      System.exit(2);
    }
    SimulationConfig config = SimulationConfig.preset(args[0], Long.parseLong(args[1]));
    long started = System.nanoTime();
    new WorldSimulator().simulate(config, Path.of(args[2]), new ConsoleProgress(System.out));
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        java.util.Locale.ROOT,
        "done in %.1f s, max heap %d MB, used now %d MB%n",
        (System.nanoTime() - started) / 1e9,
        runtime.maxMemory() >> 20,
        (runtime.totalMemory() - runtime.freeMemory()) >> 20);
  }
}
