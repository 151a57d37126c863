package io.onair.ranking.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.dataset.progress.Progress;
import io.onair.ranking.TinyWorld;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DBMTL models' Bayesian head: a child's output is its tower's conditional times the
 * probability that its ancestors happened, so it never exceeds any ancestor's output, and the
 * conditional (child / parent) varies from row to row.
 */
class BayesianHeadTest {
  @ParameterizedTest
  @EnumSource(
      value = ModelKind.class,
      names = {"DBMTL", "DBMTL_MMOE"})
  void childOutputIsConditionalTimesParent(ModelKind kind) {
    TinyWorld world = TinyWorld.get();
    ModelConfig config =
        ModelConfig.defaults(kind)
            .withSizes(4, List.of(16), 8, 2, 8)
            .withBayesianHead(true, kind == ModelKind.DBMTL ? 1.0 : 0.0);
    TrainingConfig training =
        TrainingConfig.defaults()
            .withRefit(false)
            .withEpochs(1)
            .withBatchSize(256)
            .withMaxTrainingRows(6000);
    RankingTrainer.Outcome outcome =
        RankingTrainer.train(
            world.examples, world.window, config, training, Progress.NONE, line -> {});
    try (var ranker = outcome.ranker()) {
      assertThat(outcome.epochs().get(0).meanLoss()).isFinite().isPositive();
      TargetGraph targets = outcome.targets();
      int[] rows = RankingTrainer.holdoutRows(world.examples, world.window);
      float[][] p = RankingTrainer.predict(ranker, world.examples, rows);
      String[][] edges = {
        {"follow", "click"}, {"bag_click", "click"}, {"cart", "bag_click"}, {"purchase", "cart"}
      };
      for (String[] edge : edges) {
        int child = targets.indexOf(edge[0]);
        int parent = targets.indexOf(edge[1]);
        double minRatio = Double.MAX_VALUE;
        double maxRatio = 0;
        for (int row : rows) {
          assertThat(p[child][row])
              .as("%s <= %s", edge[0], edge[1])
              .isBetween(0f, p[parent][row] * (1 + 1e-5f));
          double ratio = p[child][row] / (double) p[parent][row];
          minRatio = Math.min(minRatio, ratio);
          maxRatio = Math.max(maxRatio, ratio);
        }
        assertThat(maxRatio - minRatio)
            .as("P(%s | %s) varies", edge[0], edge[1])
            .isGreaterThan(0.01);
      }
    }
  }

  @Test
  void theProductFollowsTheConfiguredGraph() {
    // purchase as click's parent: the factorised head cannot give click more than purchase on any
    // row, whatever the labels say; the old head (marginal towers) predicts click's own rate
    TinyWorld world = TinyWorld.get();
    List<TargetSpec> graph = List.of(TargetSpec.of("purchase"), TargetSpec.of("click", "purchase"));
    TrainingConfig training =
        TrainingConfig.defaults()
            .withRefit(false)
            .withEpochs(1)
            .withBatchSize(128)
            .withMaxTrainingRows(20000)
            .withValidationFraction(0);
    double[] shareClickAbovePurchase = new double[2];
    for (int variant = 0; variant < 2; variant++) {
      ModelConfig config =
          ModelConfig.defaults(ModelKind.DBMTL)
              .withSizes(4, List.of(16), 8, 2, 8)
              .withTargets(graph)
              .withBayesianHead(variant == 0, 1.0);
      RankingTrainer.Outcome outcome =
          RankingTrainer.train(
              world.examples, world.window, config, training, Progress.NONE, line -> {});
      try (var ranker = outcome.ranker()) {
        int[] rows = RankingTrainer.holdoutRows(world.examples, world.window);
        float[][] p = RankingTrainer.predict(ranker, world.examples, rows);
        int click = outcome.targets().indexOf("click");
        int purchase = outcome.targets().indexOf("purchase");
        int above = 0;
        for (int row : rows) {
          if (p[click][row] > p[purchase][row] * (1 + 1e-5f)) {
            above++;
          }
        }
        shareClickAbovePurchase[variant] = above / (double) rows.length;
      }
    }
    assertThat(shareClickAbovePurchase[0]).as("factorised head").isZero();
    assertThat(shareClickAbovePurchase[1]).as("marginal towers").isGreaterThan(0.5);
  }

  @Test
  void marginalTowersStillTrain() {
    TinyWorld world = TinyWorld.get();
    ModelConfig config =
        ModelConfig.defaults(ModelKind.DBMTL)
            .withSizes(4, List.of(16), 8, 2, 8)
            .withBayesianHead(false, 0.0);
    TrainingConfig training =
        TrainingConfig.defaults()
            .withRefit(false)
            .withEpochs(1)
            .withBatchSize(256)
            .withMaxTrainingRows(3000);
    RankingTrainer.Outcome outcome =
        RankingTrainer.train(
            world.examples, world.window, config, training, Progress.NONE, line -> {});
    try (var ranker = outcome.ranker()) {
      assertThat(outcome.epochs().get(0).meanLoss()).isFinite().isPositive();
    }
  }

  @Test
  void gatesAreTheBinaryAncestorsEachOnce() {
    // a diamond (d <- b + c, both <- a) through a numeric target (w <- a, e <- w)
    TargetGraph graph =
        TargetGraph.of(
            List.of(
                TargetSpec.of("a"),
                TargetSpec.of("b", "a"),
                TargetSpec.of("c", "a"),
                TargetSpec.of("d", "b", "c"),
                new TargetSpec("w", List.of("a"), TargetKind.NUMERIC),
                TargetSpec.of("e", "w")));
    assertThat(names(graph, RankingGraphBuilder.binaryAncestors(graph, graph.indexOf("a"))))
        .isEmpty();
    assertThat(names(graph, RankingGraphBuilder.binaryAncestors(graph, graph.indexOf("b"))))
        .containsExactly("a");
    assertThat(names(graph, RankingGraphBuilder.binaryAncestors(graph, graph.indexOf("d"))))
        .containsExactly("a", "b", "c");
    assertThat(names(graph, RankingGraphBuilder.binaryAncestors(graph, graph.indexOf("e"))))
        .containsExactly("a");
  }

  private static List<String> names(TargetGraph graph, int[] indices) {
    return java.util.Arrays.stream(indices).mapToObj(graph::name).toList();
  }
}
