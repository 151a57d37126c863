package io.onair.ranking.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.progress.Progress;
import io.onair.ranking.RankingJob;
import io.onair.ranking.TinyWorld;
import io.onair.ranking.export.ModelCard;
import io.onair.ranking.train.TrainingConfig;
import io.onair.vectors.PretrainedVectors;
import io.onair.vectors.VectorSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmr-pretrained} reads the current pretrained vectors through {@link PretrainedVectors}:
 * they are laid out on the encoder's codes (unknown users and anchors get zero rows, each modality
 * scaled so its dot products have an RMS of 1), the model trains and exports with them, its card
 * pins their version, and a warning says when the vectors were built from the ranker's training
 * rows. Without pretrained vectors the model is refused with a clear message.
 */
class PretrainedTablesTest {
  private static final int D = 4;

  @TempDir Path artifacts;

  @Test
  void refusedWithoutPretrainedVectors() {
    assertThatThrownBy(() -> RankingJob.requirePretrained(ModelKind.DMR_PRETRAINED, artifacts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model dmr-pretrained needs pretrained vectors")
        .hasMessageContaining("pretrain/CURRENT is missing");
    RankingJob.requirePretrained(ModelKind.DMR, artifacts); // needs none
  }

  @Test
  void alignsTrainsAndPinsTheVersion() {
    TinyWorld world = TinyWorld.get();
    List<String> users = world.vocabulary.file().users();
    List<String> anchors = world.vocabulary.file().anchors();
    SplittableRandom random = new SplittableRandom(5);
    // every third user is unknown to the pretraining; U2A vectors are 10x larger than profile's
    List<String> knownUsers = new ArrayList<>();
    for (int u = 0; u < users.size(); u++) {
      if (u % 3 != 0) {
        knownUsers.add(users.get(u));
      }
    }
    float[] profile = randomVectors(knownUsers.size(), 1f, random);
    float[] u2a = randomVectors(knownUsers.size(), 10f, random);
    List<String> knownAnchors = anchors.subList(1, anchors.size());
    float[] anchorVectors = randomVectors(knownAnchors.size(), 1f, random);
    String version =
        PretrainedVectors.write(
            artifacts,
            new PretrainedVectors.Export(
                // built up to the ranker's held-out start: they saw its training rows
                Map.of("holdout_start", world.window.holdoutStart()),
                Map.of(),
                List.of("profile", "U2A"),
                VectorSet.of(knownAnchors, anchorVectors, D),
                Map.of(
                    "profile", VectorSet.of(knownUsers, profile, D),
                    "U2A", VectorSet.of(knownUsers, u2a, D))));

    PretrainedTables tables =
        PretrainedTables.align(PretrainedVectors.load(artifacts), world.vocabulary);
    assertThat(tables.version()).isEqualTo(version);
    assertThat(tables.modalities()).containsExactly("profile", "U2A");
    assertThat(tables.userRows()).isEqualTo(users.size() + 1);
    assertThat(tables.knownUsers()).isEqualTo(knownUsers.size());
    assertThat(tables.knownAnchors()).isEqualTo(anchors.size() - 1);
    int width = tables.userWidth();
    // code 0 and the unknown users (code u + 1 with u % 3 == 0) are zero rows
    for (int code = 0; code < tables.userRows(); code += code == 0 ? 1 : 3) {
      for (int j = 0; j < width; j++) {
        assertThat(tables.users()[code * width + j]).isZero();
      }
    }
    for (int j = 0; j < D; j++) {
      assertThat(tables.anchors()[j]).as("unknown code").isZero();
      assertThat(tables.anchors()[D + j]).as("the first anchor was not pretrained").isZero();
    }
    // known rows are the written vectors times their modality's scale; the 10x larger modality
    // gets a scale about 10x smaller, so both modalities' dot products have the same size
    double profileScale = tables.modalityScales().get("profile");
    double u2aScale = tables.modalityScales().get("U2A");
    assertThat(u2aScale * 10 / profileScale).isBetween(0.7, 1.4);
    int secondUser = 2; // users.get(1), the first known one
    for (int j = 0; j < D; j++) {
      assertThat(tables.users()[secondUser * width + j])
          .isCloseTo(
              (float) (profile[j] * profileScale), org.assertj.core.data.Offset.offset(1e-6f));
      assertThat(tables.users()[secondUser * width + D + j])
          .isCloseTo((float) (u2a[j] * u2aScale), org.assertj.core.data.Offset.offset(1e-5f));
    }

    List<String> log = new ArrayList<>();
    RankingJob.Prepared prepared =
        new RankingJob.Prepared(world.dataset, world.vocabulary, world.examples, world.window);
    ModelCard card =
        RankingJob.trainAndExport(
            prepared,
            "dmr-pretrained",
            ModelConfig.defaults(ModelKind.DMR_PRETRAINED)
                .withSizes(4, List.of(16), 8, 2, 8)
                .withMatchTower(
                    MatchTowerConfig.defaults().withPooling(MatchTowerConfig.Pooling.SUM)),
            TrainingConfig.defaults().withRefit(false).withEpochs(1).withMaxTrainingRows(2000),
            artifacts,
            Progress.NONE,
            log::add);
    assertThat(log)
        .anyMatch(line -> line.startsWith("warning: pretrained vectors " + version))
        .anyMatch(line -> line.contains("have seen those rows' outcomes"));
    @SuppressWarnings("unchecked")
    Map<String, Object> pinned = (Map<String, Object>) card.modelConfig().get("pretrained_vectors");
    assertThat(pinned)
        .containsEntry("version", version)
        .containsEntry("modalities", List.of("profile", "U2A"))
        .containsEntry("dimension", D);
    @SuppressWarnings("unchecked")
    Map<String, Object> match = (Map<String, Object>) card.modelConfig().get("match_tower");
    assertThat(match).containsEntry("pooling", "sum").containsEntry("rank_tower", "dbmtl");
    assertThat(card.holdout().targets()).containsKey("click");
  }

  private static float[] randomVectors(int count, float scale, SplittableRandom random) {
    float[] values = new float[count * D];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return values;
  }
}
