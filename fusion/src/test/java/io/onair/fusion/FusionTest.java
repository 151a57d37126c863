package io.onair.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both formulas against hand-computed scores on product.md's example graph. */
class FusionTest {
  /** click -> {watch, follow} -> {cart <- follow, purchase <- watch}; written children first. */
  private static final TargetGraph GRAPH =
      TargetGraph.of(
          List.of(
              TargetSpec.of("purchase", "watch"),
              TargetSpec.of("cart", "follow"),
              TargetSpec.of("watch", "click"),
              TargetSpec.of("follow", "click"),
              TargetSpec.of("click")));

  private static final Map<String, Double> WEIGHTS =
      Map.of("click", 2.0, "watch", 1.0, "follow", 3.0, "cart", 1.0, "purchase", 4.0);

  /** p_click .5, p_watch .4, p_follow .1, p_cart .2, p_purchase .05, in the graph's order. */
  private static float[] predictions() {
    float[] p = new float[GRAPH.size()];
    p[GRAPH.indexOf("click")] = 0.5f;
    p[GRAPH.indexOf("watch")] = 0.4f;
    p[GRAPH.indexOf("follow")] = 0.1f;
    p[GRAPH.indexOf("cart")] = 0.2f;
    p[GRAPH.indexOf("purchase")] = 0.05f;
    return p;
  }

  @Test
  void multiplicativeMultipliesDepthsAndAddsWithinADepth() {
    ScoreFusion fusion = FusionConfig.of(FusionFormula.MULTIPLICATIVE, WEIGHTS).bind(GRAPH);
    // (2 * .5) * (1 * .4 + 3 * .1) * (1 * .2 + 4 * .05) = 1 * .7 * .4
    assertThat(fusion.score(predictions())).isCloseTo(0.28, within(1e-6));
  }

  @Test
  void additiveSumsWeightedTerms() {
    ScoreFusion fusion = FusionConfig.of(FusionFormula.ADDITIVE, WEIGHTS).bind(GRAPH);
    // 1 + .4 + .3 + .2 + .2
    assertThat(fusion.score(predictions())).isCloseTo(2.1, within(1e-6));
  }

  @Test
  void exponentsApplyToThePredictionBeforeTheWeight() {
    ScoreFusion fusion =
        new FusionConfig(FusionFormula.MULTIPLICATIVE, WEIGHTS, Map.of("click", 2.0)).bind(GRAPH);
    // (2 * .5^2) * .7 * .4
    assertThat(fusion.score(predictions())).isCloseTo(0.14, within(1e-6));
    ScoreFusion additive =
        new FusionConfig(FusionFormula.ADDITIVE, Map.of("follow", 1.0), Map.of("follow", 0.5))
            .bind(GRAPH);
    assertThat(additive.score(predictions())).isCloseTo(Math.sqrt(0.1), within(1e-6));
  }

  @Test
  void depthsWithoutWeightedTargetsAreSkipped() {
    ScoreFusion fusion =
        FusionConfig.of(FusionFormula.MULTIPLICATIVE, Map.of("click", 2.0, "purchase", 4.0))
            .bind(GRAPH);
    // (2 * .5) * (4 * .05)
    assertThat(fusion.score(predictions())).isCloseTo(0.2, within(1e-6));
  }

  @Test
  void aHigherChildProbabilityRanksHigherOnlyThroughItsDepth() {
    ScoreFusion fusion = FusionConfig.of(FusionFormula.MULTIPLICATIVE, WEIGHTS).bind(GRAPH);
    float[] better = predictions();
    better[GRAPH.indexOf("purchase")] = 0.10f;
    // (1) * .7 * (.2 + .4)
    assertThat(fusion.score(better)).isCloseTo(0.42, within(1e-6));
    float[] noClick = predictions();
    noClick[GRAPH.indexOf("click")] = 0f;
    assertThat(fusion.score(noClick)).isZero();
  }

  @Test
  void refusesBadConfigurationAndInput() {
    assertThatThrownBy(
            () -> FusionConfig.of(FusionFormula.ADDITIVE, Map.of("gmv", 1.0)).bind(GRAPH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'gmv'")
        .hasMessageContaining("not in the target graph");
    assertThatThrownBy(() -> FusionConfig.of(FusionFormula.ADDITIVE, Map.of("click", -1.0)))
        .hasMessageContaining("weight of target 'click'");
    assertThatThrownBy(() -> FusionConfig.of(FusionFormula.ADDITIVE, Map.of()))
        .hasMessageContaining("at least one target");
    assertThatThrownBy(
            () ->
                new FusionConfig(FusionFormula.ADDITIVE, Map.of("click", 1.0), Map.of("cart", 2.0)))
        .hasMessageContaining("exponent given for target 'cart', which has no weight");
    assertThatThrownBy(() -> FusionFormula.parse("geometric"))
        .hasMessageContaining("unknown fusion formula 'geometric'");
    assertThat(FusionFormula.parse("Multiplicative")).isEqualTo(FusionFormula.MULTIPLICATIVE);
    ScoreFusion fusion = FusionConfig.of(FusionFormula.ADDITIVE, WEIGHTS).bind(GRAPH);
    assertThatThrownBy(() -> fusion.score(new float[3]))
        .hasMessageContaining("expected one prediction per target (5), got 3");
  }
}
