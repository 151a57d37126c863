package io.onair.ranking;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.ranking.features.DatasetExamples;
import io.onair.ranking.features.EncodedExamples;
import io.onair.ranking.features.FeatureLayout;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tiny simulated world (seed 7), read and encoded once per test JVM. */
public final class TinyWorld {
  private static TinyWorld instance;

  public final Path directory;
  public final Dataset dataset;
  public final FeatureVocabulary vocabulary;
  public final FeatureLayout layout;
  public final EncodedExamples examples;
  public final DataWindow window;

  private TinyWorld() {
    try {
      directory = Files.createTempDirectory("onair-tiny-world");
      new WorldSimulator().simulate(SimulationConfig.preset("tiny", 7), directory, Progress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dataset = DatasetReader.read(directory, Progress.NONE);
    vocabulary = FeatureVocabulary.of(dataset);
    layout = FeatureLayout.of(vocabulary, FeatureLayout.DEFAULT_HISTORY_LENGTH);
    examples = DatasetExamples.encode(dataset, vocabulary, layout, Progress.NONE);
    window = DataWindow.of(dataset, 2);
  }

  public static synchronized TinyWorld get() {
    if (instance == null) {
      instance = new TinyWorld();
    }
    return instance;
  }
}
