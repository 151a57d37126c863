package io.onair.gateway.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.DataWindow;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.fusion.FusionConfig;
import io.onair.fusion.FusionFormula;
import io.onair.gateway.config.DiversityConfig;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.config.StageShares;
import io.onair.metrics.ServiceMetrics;
import io.onair.relations.NeighbourTable;
import io.onair.relations.PopularityTable;
import io.onair.relations.Relations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline alone, with hand-written recall and ranking clients and a fixed monotonic clock, so
 * budgets are exact numbers.
 */
class RecommendPipelineTest {
  static final List<TargetSpec> TARGETS =
      List.of(TargetSpec.of("click"), TargetSpec.of("follow", "click"));
  static final ModelInfo MODEL = new ModelInfo("m", "v1", 0, 0, TARGETS);
  static final long NOW_NANOS = 1_000_000_000L;

  final FeatureStore store = FeatureStores.open("memory", FeatureStoreConfig.defaults());

  @AfterEach
  void close() {
    store.close();
  }

  /** Six anchors a0..a5 in two categories; popularity lists them in reverse. */
  static Relations relations() {
    List<String> ids = List.of("a0", "a1", "a2", "a3", "a4", "a5");
    NeighbourTable empty = new NeighbourTable(new int[7], new int[0], new float[0]);
    NeighbourTable popular =
        new NeighbourTable(
            new int[] {0, 6}, new int[] {5, 4, 3, 2, 1, 0}, new float[] {6, 5, 4, 3, 2, 1});
    return new Relations(
        "r1",
        "test",
        "/nowhere",
        new DataWindow(0, 100, 50, 1),
        true,
        List.of("channel"),
        ids,
        List.of("x", "x", "x", "y", "y", "y"),
        List.of(),
        empty,
        new NeighbourTable(new int[1], new int[0], new float[0]),
        new NeighbourTable(new int[1], new int[0], new float[0]),
        new PopularityTable(Map.of(PopularityTable.ALL_SCENARIOS, 0), popular));
  }

  static GatewayConfig config(int rankMax, Map<String, FusionConfig> fusion) {
    return new GatewayConfig(
        200,
        500,
        StageShares.DEFAULTS,
        new DiversityConfig(1, 0),
        3600,
        200,
        rankMax,
        2,
        Set.of(),
        fusion);
  }

  static Candidate candidate(String id, double score) {
    return new Candidate(id, score, "x", List.of(new Provenance("U2A", score, 1, "")));
  }

  /** Recalls a0..a5 with falling scores and remembers its time limit. */
  static final class FixedRecall implements RecallClient {
    long timeoutMicros;

    @Override
    public RecallAnswer recall(RecallQuery query, long timeoutMicros) {
      this.timeoutMicros = timeoutMicros;
      List<Candidate> out = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        out.add(candidate("a" + i, 6 - i));
      }
      // recall had fewer than its K: not a reason to flag an answer that has its count
      return new RecallAnswer(out, List.of(), Set.of(Degradation.FEWER_THAN_REQUESTED), List.of());
    }
  }

  /** click = index / 10 (a5 best), follow = 0.5; remembers its time limit. */
  static final class IndexRanking implements RankingClient {
    long timeoutMicros;

    @Override
    public RankAnswer rank(RankQuery query, long timeoutMicros) {
      this.timeoutMicros = timeoutMicros;
      Map<String, Map<String, Double>> predictions = new HashMap<>();
      for (Candidate c : query.candidates()) {
        double click = Integer.parseInt(c.anchorId().substring(1)) / 10.0;
        predictions.put(c.anchorId(), Map.of("click", click, "follow", 0.5));
      }
      return new RankAnswer(predictions, MODEL, Set.of());
    }
  }

  RecommendPipeline pipeline(GatewayConfig config, RecallClient recall, RankingClient ranking) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC);
    return new RecommendPipeline(
        config,
        new RequestValidator(config, Set.of("channel"), clock),
        store,
        true,
        recall,
        ranking,
        new PopularAnchors(relations()),
        new ServiceMetrics("gateway"),
        () -> NOW_NANOS);
  }

  static RecommendInput input(int count, List<String> excludes) {
    return new RecommendInput(
        "u1", "channel", "", count, true, 60, excludes, "", 2_000_000_000L); // 2 s deadline
  }

  static Map<String, FusionConfig> additiveClick() {
    return Map.of(
        GatewayConfig.ANY_SCENARIO, FusionConfig.of(FusionFormula.ADDITIVE, Map.of("click", 1.0)));
  }

  @Test
  void theBudgetIsTheDeadlineCappedAndSplitByTheShares() {
    FixedRecall recall = new FixedRecall();
    IndexRanking ranking = new IndexRanking();
    Recommendation r =
        pipeline(config(500, additiveClick()), recall, ranking).recommend(input(3, List.of()));
    assertThat(r.debug().budgetMicros()).isEqualTo(500_000);
    assertThat(recall.timeoutMicros).isEqualTo(225_000); // (0.1 + 0.35) of 500 ms
    assertThat(ranking.timeoutMicros).isEqualTo(450_000); // all but the 0.1 reserve
  }

  @Test
  void fusedOrderThenFiltersThenCount() {
    Recommendation r =
        pipeline(config(500, additiveClick()), new FixedRecall(), new IndexRanking())
            .recommend(input(3, List.of("a5")));
    assertThat(r.items()).extracting(RecommendedAnchor::anchorId).containsExactly("a4", "a3", "a2");
    assertThat(r.items()).extracting(RecommendedAnchor::rank).containsExactly(1, 2, 3);
    assertThat(r.items().get(0).predictions()).containsOnlyKeys("click", "follow");
    assertThat(r.debug().filteredCount()).isEqualTo(1);
    assertThat(r.debug().fusionFormula()).isEqualTo("1.0*p_click");
    assertThat(r.flags()).isEmpty();
    assertThat(r.model()).isEqualTo(MODEL);
  }

  @Test
  void candidatesOverTheRankingLimitFollowInRecallOrderFlaggedPartial() {
    Recommendation r =
        pipeline(config(3, additiveClick()), new FixedRecall(), new IndexRanking())
            .recommend(input(6, List.of()));
    assertThat(r.items())
        .extracting(RecommendedAnchor::anchorId)
        .containsExactly("a2", "a1", "a0", "a3", "a4", "a5");
    assertThat(r.items().get(3).predictions()).isEmpty();
    assertThat(r.flags()).containsExactly(Degradation.RANKING_PARTIAL);
  }

  @Test
  void aFusionThatDoesNotFitTheModelFallsBackToRecallOrder() {
    Map<String, FusionConfig> purchase =
        Map.of(
            GatewayConfig.ANY_SCENARIO,
            FusionConfig.of(FusionFormula.ADDITIVE, Map.of("purchase", 1.0)));
    Recommendation r =
        pipeline(config(500, purchase), new FixedRecall(), new IndexRanking())
            .recommend(input(3, List.of()));
    assertThat(r.flags()).containsExactly(Degradation.RANKING_FALLBACK_RECALL_ORDER);
    assertThat(r.items()).extracting(RecommendedAnchor::anchorId).containsExactly("a0", "a1", "a2");
    assertThat(r.model()).isNull();
  }

  @Test
  void recallAndRankingFailingGivePopularInPopularityOrder() {
    RecallClient down =
        (q, t) -> {
          throw new StageFailure("down", false, null);
        };
    RankingClient late =
        (q, t) -> {
          throw new StageFailure("late", true, null);
        };
    Recommendation r =
        pipeline(config(500, additiveClick()), down, late).recommend(input(4, List.of("a4")));
    assertThat(r.flags())
        .containsExactly(
            Degradation.RANKING_FALLBACK_RECALL_ORDER,
            Degradation.RECALL_FALLBACK_POPULAR,
            Degradation.COLD_START_POPULAR);
    assertThat(r.items())
        .extracting(RecommendedAnchor::anchorId)
        .containsExactly("a5", "a3", "a2", "a1");
    assertThat(r.items().get(0).explanation().reason()).isEqualTo("Popular now in channel");
  }
}
