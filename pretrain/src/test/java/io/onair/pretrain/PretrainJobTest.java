package io.onair.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.progress.Progress;
import io.onair.pretrain.eval.NextAnchorEvaluator;
import io.onair.pretrain.model.PretrainConfig;
import io.onair.pretrain.sequences.Modality;
import io.onair.pretrain.sequences.ModalitySequences;
import io.onair.pretrain.sequences.SequenceBuilder;
import io.onair.pretrain.sequences.TokenSpace;
import io.onair.pretrain.train.EpochReport;
import io.onair.relations.Relations;
import io.onair.vectors.PretrainedVectors;
import io.onair.vectors.VectorSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pretraining on the tiny world: it learns (the loss falls, held-out recall beats popularity) and
 * what it exports reloads identically. One training run shared by the tests.
 */
class PretrainJobTest {
  private static final List<Integer> KS = List.of(5, 10);

  @TempDir static Path artifacts;

  private static PretrainJob.Outcome outcome;
  private static final List<String> log = new ArrayList<>();

  @BeforeAll
  static void train() {
    TinyWorld world = TinyWorld.get();
    PretrainConfig config = new PretrainConfig(16, 10, 2, 32, 1000, 25, 64, 0.01f, Map.of(), 7, 1);
    outcome =
        PretrainJob.run(
            world.dataset,
            world.relations,
            world.window,
            config,
            KS,
            true,
            artifacts,
            Progress.NONE,
            log::add);
  }

  @Test
  void theLossFalls() {
    List<EpochReport> epochs = outcome.training().epochs();
    assertThat(epochs).hasSize(25);
    double first = epochs.get(0).loss();
    double last = epochs.get(epochs.size() - 1).loss();
    assertThat(last).isLessThan(0.9 * first);
    for (Modality m : Modality.values()) {
      assertThat(epochs.get(epochs.size() - 1).modalityLosses()[m.ordinal()])
          .as(m.wireName())
          .isLessThan(epochs.get(0).modalityLosses()[m.ordinal()]);
    }
    assertThat(log).anyMatch(line -> line.contains("examples/s") && line.contains("ETA"));
  }

  @Test
  void heldOutRecallBeatsPopularity() {
    NextAnchorEvaluator.Report report = outcome.evaluation();
    assertThat(report.users()).isGreaterThan(50);
    double popular = report.scores().get(NextAnchorEvaluator.POPULAR).hitRate().get(10);
    double combined = report.scores().get(NextAnchorEvaluator.COMBINED).hitRate().get(10);
    double best = report.scores().get(report.best()).hitRate().get(10);
    assertThat(best).isGreaterThan(popular);
    assertThat(combined).isGreaterThan(popular);
    assertThat(report.live()).containsKeys(NextAnchorEvaluator.POPULAR, "U2A");
  }

  @Test
  void exportAndReloadGiveIdenticalVectors() {
    PretrainedVectors loaded = PretrainedVectors.load(artifacts);
    assertThat(loaded.version()).isEqualTo(outcome.version());
    assertThat(loaded.modalities()).isEqualTo(Modality.wireNames());
    assertThat(loaded.dimension()).isEqualTo(16);
    assertThat(loaded.window()).containsEntry("holdout_days", 2);
    assertThat(loaded.metrics()).containsKeys("training", "evaluation", "config");
    identical(loaded.anchors(), outcome.anchors());
    assertThat(loaded.anchors().size()).isEqualTo(TinyWorld.get().dataset.anchorCount());
    for (String modality : Modality.wireNames()) {
      identical(loaded.users(modality), outcome.users().get(modality));
    }
    // every user has profile tokens, so every user has a profile vector
    assertThat(loaded.users("profile").size()).isEqualTo(TinyWorld.get().dataset.userCount());
  }

  @Test
  void exportsAUserVectorExactlyForTheUsersWithASequence() {
    TinyWorld world = TinyWorld.get();
    SequenceBuilder builder =
        new SequenceBuilder(world.dataset, world.relations, TokenSpace.of(world.dataset), 10);
    int[] users = java.util.stream.IntStream.range(0, world.dataset.userCount()).toArray();
    ModalitySequences now = builder.build(world.window, world.window.holdoutStart(), users);
    for (Modality m : Modality.values()) {
      VectorSet set = outcome.users().get(m.wireName());
      for (int u : users) {
        boolean exported = set.row(world.dataset.users().id(u)) >= 0;
        assertThat(exported).as(m + " " + u).isEqualTo(now.length(u, m) > 0);
      }
    }
  }

  @Test
  void refusesRelationsOfAnotherDataset() {
    TinyWorld world = TinyWorld.get();
    Relations other =
        new Relations(
            "rel-x",
            "other",
            "/nowhere",
            world.window,
            true,
            world.relations.scenarios(),
            world.relations.anchorIds().subList(1, world.relations.anchorIds().size()),
            world.relations.anchorCategories().subList(1, world.relations.anchorIds().size()),
            world.relations.itemIds(),
            truncated(world.relations.anchorNeighbours()),
            world.relations.itemNeighbours(),
            world.relations.itemAnchors(),
            world.relations.popularity());
    assertThatThrownBy(
            () -> new SequenceBuilder(world.dataset, other, TokenSpace.of(world.dataset), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run onair relations on this dataset");
  }

  private static io.onair.relations.NeighbourTable truncated(
      io.onair.relations.NeighbourTable table) {
    int[] offsets = java.util.Arrays.copyOf(table.offsets(), table.size());
    int end = offsets[offsets.length - 1];
    return new io.onair.relations.NeighbourTable(
        offsets,
        java.util.Arrays.copyOf(table.neighbours(), end),
        java.util.Arrays.copyOf(table.scores(), end));
  }

  private static void identical(VectorSet a, VectorSet b) {
    assertThat(a.ids()).isEqualTo(b.ids());
    assertThat(a.dimension()).isEqualTo(b.dimension());
    assertThat(a.data()).containsExactly(b.data());
  }
}
