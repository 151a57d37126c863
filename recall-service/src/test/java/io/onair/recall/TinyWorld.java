package io.onair.recall;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.recall.route.RecallRoute;
import io.onair.recall.route.RouteCandidate;
import io.onair.recall.route.RouteContext;
import io.onair.relations.Relations;
import io.onair.relations.RelationsConfig;
import io.onair.relations.RelationsJob;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A tiny simulated world with its relations, built once per JVM for the recall tests. */
public final class TinyWorld {
  private static TinyWorld instance;

  public final Dataset dataset;
  public final DataWindow window;
  public final Relations relations;

  private TinyWorld(Dataset dataset, DataWindow window, Relations relations) {
    this.dataset = dataset;
    this.window = window;
    this.relations = relations;
  }

  public static synchronized TinyWorld get() {
    if (instance == null) {
      try {
        Path dir = Files.createTempDirectory("onair-recall-tiny");
        dir.toFile().deleteOnExit();
        new WorldSimulator().simulate(SimulationConfig.preset("tiny", 11), dir, Progress.NONE);
        Dataset dataset = DatasetReader.read(dir, Progress.NONE);
        DataWindow window = DataWindow.of(dataset, 2);
        Relations relations =
            RelationsJob.run(dataset, window, RelationsConfig.defaults(), Progress.NONE)
                .relations();
        instance = new TinyWorld(dataset, window, relations);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** A route that always fails, to see it dropped. */
  public static final class BrokenRoute implements RecallRoute {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public List<RouteCandidate> recall(RouteContext context) {
      throw new IllegalStateException("the broken route broke");
    }
  }

  /** A route that never answers within any time limit, to see it dropped. */
  public static final class SlowRoute implements RecallRoute {
    @Override
    public String name() {
      return "slow";
    }

    @Override
    public List<RouteCandidate> recall(RouteContext context) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    }
  }
}
