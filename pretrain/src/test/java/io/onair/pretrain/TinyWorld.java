package io.onair.pretrain;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.relations.Relations;
import io.onair.relations.RelationsConfig;
import io.onair.relations.RelationsJob;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tiny simulated world (seed 7) with its relations (2 held-out days), built once per JVM. */
public final class TinyWorld {
  private static TinyWorld instance;

  public final Dataset dataset;
  public final DataWindow window;
  public final Relations relations;

  private TinyWorld() {
    Path directory;
    try {
      directory = Files.createTempDirectory("onair-pretrain-tiny");
      new WorldSimulator().simulate(SimulationConfig.preset("tiny", 7), directory, Progress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dataset = DatasetReader.read(directory, Progress.NONE);
    window = DataWindow.of(dataset, 2);
    relations =
        RelationsJob.run(dataset, window, RelationsConfig.defaults(), Progress.NONE).relations();
  }

  public static synchronized TinyWorld get() {
    if (instance == null) {
      instance = new TinyWorld();
    }
    return instance;
  }
}
