package io.onair.ranking.graph;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.manifest.TargetSpec;
import io.onair.dataset.progress.Progress;
import io.onair.ranking.TinyWorld;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad model configuration fails before any graph is built or step taken, saying why. */
class BadModelConfigTest {
  private static void train(ModelConfig config) {
    TinyWorld world = TinyWorld.get();
    RankingTrainer.train(
        world.examples,
        world.window,
        config,
        TrainingConfig.defaults(),
        Progress.NONE,
        line -> {
          throw new AssertionError("training started: " + line);
        });
  }

  @Test
  void unknownTarget() {
    ModelConfig config =
        ModelConfig.defaults(ModelKind.DBMTL)
            .withTargets(List.of(TargetSpec.of("click"), TargetSpec.of("share", "click")));
    assertThatThrownBy(() -> train(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model dbmtl: unknown target 'share'")
        .hasMessageContaining("[click, view10s");
  }

  @Test
  void cycle() {
    ModelConfig config =
        ModelConfig.defaults(ModelKind.DBMTL)
            .withTargets(
                List.of(
                    TargetSpec.of("click", "purchase"),
                    TargetSpec.of("cart", "click"),
                    TargetSpec.of("purchase", "cart")));
    assertThatThrownBy(() -> train(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model dbmtl: the target graph has a cycle");
  }

  @Test
  void missingParent() {
    ModelConfig config =
        ModelConfig.defaults(ModelKind.ESMM)
            .withTargets(List.of(TargetSpec.of("click"), TargetSpec.of("purchase", "cart")));
    assertThatThrownBy(() -> train(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target 'purchase' has parent 'cart', which is not declared");
  }

  @Test
  void lossWeightForATargetNotModelled() {
    ModelConfig config =
        ModelConfig.defaults(ModelKind.MMOE).withLossWeights(Map.of("clicks", 2.0));
    assertThatThrownBy(() -> train(config))
        .hasMessageContaining("loss weight for unknown target 'clicks'");
  }

  @Test
  void unknownModelAndScenario() {
    assertThatThrownBy(() -> ModelKind.parse("dbmtl3"))
        .hasMessageContaining("unknown model 'dbmtl3'")
        .hasMessageContaining("dbmtl-multiscenario");
    TinyWorld world = TinyWorld.get();
    assertThatThrownBy(
            () ->
                RankingTrainer.train(
                    world.examples,
                    world.window,
                    ModelConfig.defaults(ModelKind.DBMTL),
                    TrainingConfig.defaults().withTrainingScenarios(List.of("feed")),
                    Progress.NONE,
                    line -> {}))
        .hasMessageContaining("unknown training scenario 'feed'");
  }

  @Test
  void aSubsetOfTargetsWithNewParentsIsAccepted() {
    ModelConfig config =
        ModelConfig.defaults(ModelKind.DBMTL)
            .withSizes(4, List.of(8), 4, 2, 4)
            .withTargets(List.of(TargetSpec.of("click"), TargetSpec.of("purchase", "click")));
    TinyWorld world = TinyWorld.get();
    var outcome =
        RankingTrainer.train(
            world.examples,
            world.window,
            config,
            TrainingConfig.defaults().withRefit(false).withEpochs(1).withMaxTrainingRows(1000),
            Progress.NONE,
            line -> {});
    try (var ranker = outcome.ranker()) {
      org.assertj.core.api.Assertions.assertThat(outcome.targets().names())
          .containsExactly("click", "purchase");
      org.assertj.core.api.Assertions.assertThat(outcome.epochs().get(0).holdout().targets())
          .containsOnlyKeys("click", "purchase");
    }
  }
}
