package io.onair.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.progress.Progress;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.graph.PretrainedTables;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every model's graph builds (some TensorFlow faults kill the JVM rather than throw, so each
 * construction is covered here), trains one small epoch on the tiny world with a finite loss, and
 * predicts probabilities in [0, 1] for every binary target. {@code dmr-pretrained} gets the tiny
 * world's synthetic pretrained tables.
 */
class EveryModelTrainsTest {
  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void buildsTrainsAndPredicts(ModelKind kind) {
    TinyWorld world = TinyWorld.get();
    ModelConfig config = ModelConfig.defaults(kind).withSizes(4, List.of(16), 8, 2, 8);
    TrainingConfig training =
        TrainingConfig.defaults()
            .withRefit(false)
            .withEpochs(1)
            .withBatchSize(256)
            .withMaxTrainingRows(3000);
    Optional<PretrainedTables> pretrained =
        kind.pretrained() ? Optional.of(world.pretrainedTables()) : Optional.empty();
    RankingTrainer.Outcome outcome =
        RankingTrainer.train(
            world.examples, world.window, config, pretrained, training, Progress.NONE, line -> {});
    try (var ranker = outcome.ranker()) {
      assertThat(outcome.epochs()).hasSize(1);
      assertThat(outcome.epochs().get(0).meanLoss()).isFinite().isPositive();
      var holdout = outcome.epochs().get(0).holdout();
      assertThat(holdout.targets()).containsKeys("click", "purchase", "watch_seconds");
      assertThat(holdout.targets().get("click").auc()).isBetween(0.0, 1.0);
      int[] rows = RankingTrainer.holdoutRows(world.examples, world.window);
      float[][] predictions = RankingTrainer.predict(ranker, world.examples, rows);
      int click = outcome.targets().indexOf("click");
      for (int row : rows) {
        assertThat(predictions[click][row]).isBetween(0f, 1f);
      }
    }
  }
}
