package io.onair.gateway.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.fusion.FusionConfig;
import io.onair.fusion.FusionFormula;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundFusionTest {
  /** product.md's example: click -> {watch, follow} -> {cart, purchase}. */
  static final TargetGraph GRAPH =
      TargetGraph.of(
          List.of(
              TargetSpec.of("click"),
              TargetSpec.of("watch", "click"),
              TargetSpec.of("follow", "click"),
              TargetSpec.of("cart", "watch"),
              TargetSpec.of("purchase", "follow")));

  static final Map<String, Double> PREDICTIONS =
      Map.of("click", 0.5, "watch", 0.4, "follow", 0.2, "cart", 0.1, "purchase", 0.3);

  @Test
  void multiplicativeTermsFormulaAndScoreAgreeWithTheLibrary() {
    FusionConfig config =
        new FusionConfig(
            FusionFormula.MULTIPLICATIVE,
            Map.of("click", 1.0, "watch", 2.0, "follow", 3.0, "cart", 1.0, "purchase", 4.0),
            Map.of("click", 0.5));
    BoundFusion fusion = new BoundFusion(config, GRAPH);
    FusedScore fused = fusion.fuse(PREDICTIONS);
    float[] p = {0.5f, 0.4f, 0.2f, 0.1f, 0.3f};
    assertThat(fused.score()).isEqualTo(config.bind(GRAPH).score(p));
    assertThat(fusion.score(PREDICTIONS)).as("the hot path").isEqualTo(fused.score());
    assertThat(fusion.formula())
        .isEqualTo(
            "(1.0*p_click^0.5) * (2.0*p_watch + 3.0*p_follow) * (1.0*p_cart + 4.0*p_purchase)");
    assertThat(fused.expression())
        .isEqualTo("(1.0*0.5^0.5) * (2.0*0.4 + 3.0*0.2) * (1.0*0.1 + 4.0*0.3)");
    assertThat(fused.terms()).extracting(FusionTermValue::group).containsExactly(0, 1, 1, 2, 2);
    double product = 1;
    for (int g = 0; g <= 2; g++) {
      int group = g;
      product *=
          fused.terms().stream()
              .filter(t -> t.group() == group)
              .mapToDouble(FusionTermValue::value)
              .sum();
    }
    assertThat(product).isCloseTo(fused.score(), within(1e-6));
  }

  @Test
  void additiveTermsAreAllInGroupZeroAndAMissingTargetIsRefused() {
    FusionConfig config =
        FusionConfig.of(FusionFormula.ADDITIVE, Map.of("click", 1.0, "purchase", 2.0));
    FusedScore fused = new BoundFusion(config, GRAPH).fuse(PREDICTIONS);
    assertThat(fused.terms()).extracting(FusionTermValue::group).containsExactly(0, 0);
    assertThat(fused.score()).isCloseTo(0.5 + 2 * 0.3, within(1e-6));
    assertThatThrownBy(
            () ->
                new BoundFusion(FusionConfig.of(FusionFormula.ADDITIVE, Map.of("gmv", 1.0)), GRAPH))
        .hasMessageContaining("'gmv'");
  }
}
