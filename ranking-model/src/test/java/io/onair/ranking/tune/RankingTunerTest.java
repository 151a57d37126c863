package io.onair.ranking.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.ranking.TinyWorld;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.TrainingRecipe;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The search: the base first, draws fixed by the seed, two trials at once, the best kept. */
class RankingTunerTest {
  @Test
  void drawsAreFixedBySeedAndTheBaseComesFirst() {
    TrainingRecipe base = TrainingRecipe.defaults(ModelKind.DBMTL);
    List<Map<String, Object>> a = RankingTuner.draw(base, 6, 3);
    assertThat(a).hasSize(6).first().isEqualTo(Map.of());
    assertThat(RankingTuner.draw(base, 6, 3)).isEqualTo(a);
    assertThat(RankingTuner.draw(base, 6, 4)).isNotEqualTo(a);
    assertThat(a.get(1)).containsKey("conditional_loss_weight");
    assertThat(RankingTuner.draw(TrainingRecipe.defaults(ModelKind.ESMM), 3, 3).get(1))
        .doesNotContainKey("conditional_loss_weight");
  }

  @Test
  void trialsRunInParallelAndTheBestIsTheHighestValidationScore() {
    TinyWorld world = TinyWorld.get();
    TrainingRecipe base =
        TrainingRecipe.defaults(ModelKind.SHARED_BOTTOM)
            .apply(Map.of("epochs", 1, "embedding_dimension", 8, "bottom_units", List.of(16)));
    ExecutorService executor = Executors.newFixedThreadPool(2);
    List<String> log = new CopyOnWriteArrayList<>();
    try {
      RankingTuner.Result result =
          RankingTuner.tune(world.examples, world.window, base, 3, 1, executor, log::add);
      assertThat(result.trials()).hasSize(3);
      assertThat(result.trials().get(0).overrides()).isEmpty();
      double top =
          result.trials().stream().mapToDouble(RankingTuner.Trial::score).max().orElseThrow();
      assertThat(result.best().score()).isEqualTo(top);
      assertThat(log).hasSize(3).allMatch(line -> line.contains("validation mean AUC"));
      assertThat(RankingTuner.table(result)).contains("| base |");
    } finally {
      executor.shutdownNow();
    }
  }
}
