package io.onair.ranking;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.ranking.features.DatasetExamples;
import io.onair.ranking.features.EncodedExamples;
import io.onair.ranking.features.FeatureLayout;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.ranking.graph.PretrainedTables;
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

  /**
   * Deterministic synthetic pretrained tables aligned with this world's users and anchors (two
   * modalities of width 4; every tenth user and anchor unknown, so their rows are zero).
   */
  public PretrainedTables pretrainedTables() {
    int modalities = 2;
    int d = 4;
    int userRows = vocabulary.userCount() + 1;
    int anchorRows = vocabulary.anchorCount() + 1;
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    float[] users = new float[userRows * modalities * d];
    float[] anchors = new float[anchorRows * d];
    int knownUsers = 0;
    for (int u = 1; u < userRows; u++) {
      if (u % 10 != 0) {
        knownUsers++;
        for (int j = 0; j < modalities * d; j++) {
          users[u * modalities * d + j] = (float) (random.nextDouble() - 0.5);
        }
      }
    }
    int knownAnchors = 0;
    for (int a = 1; a < anchorRows; a++) {
      if (a % 10 != 0) {
        knownAnchors++;
        for (int j = 0; j < d; j++) {
          anchors[a * d + j] = (float) (random.nextDouble() - 0.5);
        }
      }
    }
    return new PretrainedTables(
        "synthetic",
        java.util.List.of("profile", "U2A"),
        d,
        users,
        userRows,
        anchors,
        anchorRows,
        knownUsers,
        knownAnchors,
        java.util.Map.of("profile", 1.0, "U2A", 1.0));
  }

  public static synchronized TinyWorld get() {
    if (instance == null) {
      instance = new TinyWorld();
    }
    return instance;
  }
}
