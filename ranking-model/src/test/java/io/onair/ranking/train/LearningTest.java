package io.onair.ranking.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.progress.Progress;
import io.onair.ranking.TinyWorld;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DBMTL, and DBMTL with a match tower beside it (DMR 1.0, RUI 3.0), learn on the tiny world: the
 * loss falls and click AUC clears a floor well above 0.5.
 */
class LearningTest {
  @ParameterizedTest
  @EnumSource(
      value = ModelKind.class,
      names = {"DBMTL", "DMR", "RUI_V3"})
  void lossFallsAndClickAucClearsTheFloor(ModelKind kind) {
    TinyWorld world = TinyWorld.get();
    ModelConfig config = ModelConfig.defaults(kind).withSizes(8, List.of(64, 32), 16, 4, 32);
    TrainingConfig training =
        TrainingConfig.defaults().withRefit(false).withEpochs(4).withBatchSize(128);
    List<String> log = new ArrayList<>();
    RankingTrainer.Outcome outcome =
        RankingTrainer.train(
            world.examples, world.window, config, training, Progress.NONE, log::add);
    try (var ranker = outcome.ranker()) {
      List<EpochReport> epochs = outcome.epochs();
      assertThat(epochs.get(epochs.size() - 1).meanLoss())
          .isLessThan(epochs.get(0).meanLoss() * 0.97);
      double clickAuc = epochs.get(epochs.size() - 1).holdout().targets().get("click").auc();
      double oracle = epochs.get(epochs.size() - 1).holdout().targets().get("click").oracleAuc();
      assertThat(clickAuc).isGreaterThan(0.72).isLessThanOrEqualTo(oracle + 0.02);
      assertThat(log)
          .anyMatch(
              line -> line.contains("examples/s") && line.contains("loss") && line.contains("ETA"));
    }
  }
}
