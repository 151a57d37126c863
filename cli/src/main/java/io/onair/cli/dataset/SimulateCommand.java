package io.onair.cli.dataset;

import io.onair.cli.JsonOutput;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair simulate}: a synthetic live-streaming world with known label probabilities. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic live-streaming world in onair-dataset/1, with truth/ (the true",
      "probability of every binary label). The same preset and seed give byte-identical files.",
      "Presets: tiny (seconds, tests), small (the quickstart), medium (evaluation), large",
      "(a million users; streams to disk in bounded memory). See docs/simulator.md."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
  Path out;

  @Option(
      names = "--preset",
      defaultValue = "medium",
      paramLabel = "NAME",
      description = "tiny, small, medium or large (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "The random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write a summary as JSON.")
  Path json;

  @Override
  public Integer call() {
    SimulationConfig config = SimulationConfig.preset(preset, seed);
    long start = System.nanoTime();
    new WorldSimulator().simulate(config, out, new ConsoleProgress(System.err));
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("preset", preset);
    summary.put("seed", seed);
    summary.put("out", out.toAbsolutePath().toString());
    summary.put("seconds", Math.round(seconds * 10) / 10.0);
    summary.put("bytes", directorySize(out));
    System.out.printf(
        java.util.Locale.ROOT,
        "simulated the %s world (seed %d) into %s: %,d bytes in %.1f s%n",
        preset,
        seed,
        out,
        (long) summary.get("bytes"),
        seconds);
    JsonOutput.write(json, summary);
    return 0;
  }

  private static long directorySize(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
