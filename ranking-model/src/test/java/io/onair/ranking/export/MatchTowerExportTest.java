package io.onair.ranking.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.progress.Progress;
import io.onair.ranking.TinyWorld;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.graph.MatchTowerConfig;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.graph.PretrainedTables;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The match-tower models (DMR, RUI) export with the ranking signature unchanged: each is reloaded
 * in a fresh SavedModelBundle and, all together, in a fresh JVM, and scores the same encoded rows
 * bit-identically. Their cards record the rank tower and, for {@code dmr-pretrained}, the version
 * of the pretrained vectors baked into the graph.
 */
class MatchTowerExportTest {
  @TempDir Path artifacts;

  @Test
  void everyMatchTowerModelExportsAndReloadsIdentically() throws Exception {
    TinyWorld world = TinyWorld.get();
    int[] holdout = RankingTrainer.holdoutRows(world.examples, world.window);
    EncodedBatch batch = new EncodedBatch(world.layout, 300);
    for (int i = 0; i < 300; i++) {
      batch.copyRow(world.examples.features(), holdout[i * (holdout.length / 300)]);
    }
    Path rowsFile = artifacts.resolve("rows.bin");
    try (var out = new DataOutputStream(Files.newOutputStream(rowsFile))) {
      EncodedRows.write(out, batch);
    }
    TrainingConfig training =
        TrainingConfig.defaults().withRefit(false).withEpochs(1).withMaxTrainingRows(2000);
    Map<Path, float[][]> expectedByModel = new LinkedHashMap<>();
    List<String> freshJvmArguments = new ArrayList<>();
    for (ModelKind kind : ModelKind.values()) {
      if (!kind.matchTower()) {
        continue;
      }
      // rui-v2 on a shared-bottom rank tower: the rank tower is selectable
      ModelKind rankTower = kind == ModelKind.RUI_V2 ? ModelKind.SHARED_BOTTOM : ModelKind.DBMTL;
      ModelConfig config =
          ModelConfig.defaults(kind)
              .withSizes(4, List.of(16), 8, 2, 8)
              .withMatchTower(MatchTowerConfig.defaults().withRankTower(rankTower));
      Optional<PretrainedTables> pretrained =
          kind.pretrained() ? Optional.of(world.pretrainedTables()) : Optional.empty();
      RankingTrainer.Outcome outcome =
          RankingTrainer.train(
              world.examples,
              world.window,
              config,
              pretrained,
              training,
              Progress.NONE,
              line -> {});
      Path directory = ModelArtifacts.modelDirectory(artifacts, kind.wireName());
      float[][] expected;
      try (var ranker = outcome.ranker()) {
        expected = ranker.predict(batch);
        outcome.calibration().apply(expected);
        ModelArtifacts.export(
            directory,
            kind.wireName(),
            "tiny",
            outcome,
            config,
            training,
            world.window,
            world.vocabulary,
            world.layout);
      }
      try (RankingModelBundle bundle = RankingModelBundle.load(directory, 1)) {
        assertThat(bundle.card().kind()).isEqualTo(kind.wireName());
        @SuppressWarnings("unchecked")
        Map<String, Object> match =
            (Map<String, Object>) bundle.card().modelConfig().get("match_tower");
        assertThat(match).containsEntry("rank_tower", rankTower.wireName());
        if (kind.pretrained()) {
          @SuppressWarnings("unchecked")
          Map<String, Object> vectors =
              (Map<String, Object>) bundle.card().modelConfig().get("pretrained_vectors");
          assertThat(vectors).containsEntry("version", "synthetic");
        } else {
          assertThat(bundle.card().modelConfig()).doesNotContainKey("pretrained_vectors");
        }
        assertThat(bundle.score(batch)).as(kind.wireName()).isDeepEqualTo(expected);
      }
      expectedByModel.put(directory, expected);
      freshJvmArguments.add(directory.toString());
      freshJvmArguments.add(rowsFile.toString());
      freshJvmArguments.add(artifacts.resolve(kind.wireName() + ".scores").toString());
    }
    assertThat(expectedByModel).hasSize(5);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ScoreInFreshJvm.class.getName());
    command.addAll(freshJvmArguments);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(artifacts.resolve("fresh-jvm.log").toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as(Files.readString(artifacts.resolve("fresh-jvm.log")))
        .isZero();
    for (int m = 0; m < freshJvmArguments.size() / 3; m++) {
      Path directory = Path.of(freshJvmArguments.get(3 * m));
      try (var in =
          new DataInputStream(Files.newInputStream(Path.of(freshJvmArguments.get(3 * m + 2))))) {
        int targets = in.readInt();
        int count = in.readInt();
        float[][] actual = new float[targets][count];
        for (float[] target : actual) {
          for (int i = 0; i < count; i++) {
            target[i] = in.readFloat();
          }
        }
        assertThat(actual).as(directory.toString()).isDeepEqualTo(expectedByModel.get(directory));
      }
    }
  }
}
