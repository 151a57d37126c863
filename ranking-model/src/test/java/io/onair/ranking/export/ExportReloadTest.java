package io.onair.ranking.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.progress.Progress;
import io.onair.ranking.TinyWorld;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export, then reload in a fresh SavedModelBundle and in a fresh JVM: the scores of the same
 * encoded rows are bit-identical to the training process's.
 */
class ExportReloadTest {
  @TempDir Path artifacts;

  @Test
  void reloadedModelScoresIdentically() throws Exception {
    TinyWorld world = TinyWorld.get();
    ModelConfig config =
        ModelConfig.defaults(ModelKind.DBMTL_MULTISCENARIO).withSizes(4, List.of(16), 8, 2, 8);
    TrainingConfig training =
        TrainingConfig.defaults().withRefit(false).withEpochs(1).withMaxTrainingRows(4000);
    RankingTrainer.Outcome outcome =
        RankingTrainer.train(
            world.examples, world.window, config, training, Progress.NONE, line -> {});
    Path directory = ModelArtifacts.modelDirectory(artifacts, "dbmtl-multiscenario");
    int[] rows = RankingTrainer.holdoutRows(world.examples, world.window);
    EncodedBatch batch = new EncodedBatch(world.layout, 500);
    for (int i = 0; i < 500; i++) {
      batch.copyRow(world.examples.features(), rows[i * (rows.length / 500)]);
    }
    float[][] expected;
    try (var ranker = outcome.ranker()) {
      expected = ranker.predict(batch);
      // an export scores with the calibration fitted on the validation split
      outcome.calibration().apply(expected);
      ModelCard card =
          ModelArtifacts.export(
              directory,
              "dbmtl-multiscenario",
              "tiny",
              outcome,
              config,
              training,
              world.window,
              world.vocabulary,
              world.layout);
      assertThat(card.holdout().targets()).containsKey("click");
      assertThat(ModelArtifacts.currentVersion(directory)).contains(card.version());

      // every export is a new version; CURRENT follows the newest; only the newest 3 are kept
      String first = card.version();
      ModelCard last = card;
      for (int i = 0; i < 3; i++) {
        last =
            ModelArtifacts.export(
                directory,
                "dbmtl-multiscenario",
                "tiny",
                outcome,
                config,
                training,
                world.window,
                world.vocabulary,
                world.layout);
      }
      assertThat(ModelArtifacts.currentVersion(directory)).contains(last.version());
      assertThat(ModelArtifacts.versions(directory))
          .hasSize(ModelArtifacts.KEPT_VERSIONS)
          .doesNotContain(first)
          .endsWith(last.version());
      assertThat(ModelArtifacts.readCard(ModelArtifacts.currentDirectory(directory)).version())
          .isEqualTo(last.version());
      try (var names = Files.list(directory.resolve(ModelArtifacts.VERSIONS))) {
        assertThat(names.map(p -> p.getFileName().toString()))
            .as("no temporary export left behind")
            .allMatch(n -> !n.startsWith("."));
      }
    }
    Path version = ModelArtifacts.currentDirectory(directory);
    assertThat(version.resolve("saved-model/saved_model.pb")).exists();
    assertThat(version.resolve("model-card.json")).exists();

    try (RankingModelBundle bundle = RankingModelBundle.load(directory, 1)) {
      assertThat(bundle.targets().names()).isEqualTo(world.dataset.targets().names());
      assertThat(bundle.card().kind()).isEqualTo("dbmtl-multiscenario");
      assertThat(bundle.version()).isEqualTo(ModelArtifacts.currentVersion(directory).get());
      assertThat(bundle.score(batch)).isDeepEqualTo(expected);
    }

    Path rowsFile = artifacts.resolve("rows.bin");
    Path scoresFile = artifacts.resolve("scores.bin");
    try (var out = new DataOutputStream(Files.newOutputStream(rowsFile))) {
      EncodedRows.write(out, batch);
    }
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ScoreInFreshJvm.class.getName(),
                directory.toString(),
                rowsFile.toString(),
                scoresFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(artifacts.resolve("fresh-jvm.log").toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as(Files.readString(artifacts.resolve("fresh-jvm.log")))
        .isZero();
    try (var in = new DataInputStream(Files.newInputStream(scoresFile))) {
      int targets = in.readInt();
      int count = in.readInt();
      float[][] actual = new float[targets][count];
      for (float[] target : actual) {
        for (int i = 0; i < count; i++) {
          target[i] = in.readFloat();
        }
      }
      assertThat(actual).isDeepEqualTo(expected);
    }
  }
}
