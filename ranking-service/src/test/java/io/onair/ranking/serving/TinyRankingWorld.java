package io.onair.ranking.serving;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.ranking.RankingJob;
import io.onair.ranking.export.ModelArtifacts;
import io.onair.ranking.export.ModelCard;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tiny simulated world (seed 7) with a small DBMTL model trained on it and exported as {@code
 * dbmtl} under {@link #artifacts}; built once per test JVM. Tests that export more versions use
 * {@link #exportNewVersion}, which trains nothing new: it exports an already trained outcome, so a
 * new version costs an export, not a training run.
 */
public final class TinyRankingWorld {
  public static final String MODEL = "dbmtl";
  private static TinyRankingWorld instance;

  public final Path data;
  public final Path artifacts;
  public final Dataset dataset;
  public final DataWindow window;
  public final RankingJob.Prepared prepared;
  private final ModelConfig modelConfig;
  private final TrainingConfig training;

  private TinyRankingWorld() {
    try {
      data = Files.createTempDirectory("onair-ranking-tiny-world");
      artifacts = Files.createTempDirectory("onair-ranking-artifacts");
      new WorldSimulator().simulate(SimulationConfig.preset("tiny", 7), data, Progress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dataset = DatasetReader.read(data, Progress.NONE);
    prepared = RankingJob.prepare(dataset, 2, Progress.NONE);
    window = prepared.window();
    modelConfig = ModelConfig.defaults(ModelKind.DBMTL).withSizes(4, List.of(16), 8, 2, 8);
    training = TrainingConfig.defaults().withRefit(false).withEpochs(1).withMaxTrainingRows(3000);
    RankingJob.trainAndExport(
        prepared, MODEL, modelConfig, training, artifacts, Progress.NONE, line -> {});
  }

  public static synchronized TinyRankingWorld get() {
    if (instance == null) {
      instance = new TinyRankingWorld();
    }
    return instance;
  }

  /** A freshly trained model (same configuration), to export later; close it when done. */
  public synchronized RankingTrainer.Outcome train() {
    return RankingTrainer.train(
        prepared.examples(), window, modelConfig, training, Progress.NONE, line -> {});
  }

  /** Exports {@code outcome} as a new version of {@code name} under {@code artifacts}. */
  public ModelCard exportNewVersion(Path artifacts, String name, RankingTrainer.Outcome outcome) {
    return ModelArtifacts.export(
        ModelArtifacts.modelDirectory(artifacts, name),
        name,
        dataset.manifest().name(),
        outcome,
        modelConfig,
        training,
        window,
        prepared.vocabulary(),
        prepared.examples().layout());
  }
}
