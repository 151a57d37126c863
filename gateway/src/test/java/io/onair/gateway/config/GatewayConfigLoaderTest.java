package io.onair.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.fusion.FusionFormula;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigLoaderTest {
  @Test
  void anEmptyObjectGivesTheDocumentedDefaults() {
    GatewayConfig config = GatewayConfigLoader.parse("{}");
    assertThat(config).isEqualTo(GatewayConfig.defaults());
    assertThat(config.maxCount()).isEqualTo(200);
    assertThat(config.rankMaxCandidates()).isEqualTo(500);
    assertThat(config.fusionOf("channel").formula()).isEqualTo(FusionFormula.MULTIPLICATIVE);
    assertThat(config.fusionOf("swipe").formula()).isEqualTo(FusionFormula.ADDITIVE);
  }

  @Test
  void keysOverrideTheirDefaultsAndAFusionEntryReplacesOnlyItsScenario() {
    GatewayConfig config =
        GatewayConfigLoader.parse(
            """
            {"maxCount": 100, "maxDeadlineMillis": 300,
             "stageShares": {"rank": 0.5},
             "diversity": {"maxPerCategory": 2},
             "fusion": {"tab": {"formula": "additive", "weights": {"click": 1.0, "follow": 3.0},
                                "exponents": {"click": 0.5}}}}
            """);
    assertThat(config.maxCount()).isEqualTo(100);
    assertThat(config.maxDeadlineMillis()).isEqualTo(300);
    assertThat(config.stageShares()).isEqualTo(new StageShares(0.1, 0.35, 0.5));
    assertThat(config.diversity()).isEqualTo(new DiversityConfig(2, 10));
    assertThat(config.fusionOf("tab").weights()).isEqualTo(Map.of("click", 1.0, "follow", 3.0));
    assertThat(config.fusionOf("tab").exponents()).isEqualTo(Map.of("click", 0.5));
    assertThat(config.fusionOf("channel")).isEqualTo(GatewayConfig.defaults().fusionOf("channel"));
  }

  @Test
  void unknownKeysWrongTypesAndBadValuesAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> GatewayConfigLoader.parse("{\"defaultCount\": 3}"))
        .hasMessageContaining("unknown configuration key 'defaultCount'");
    assertThatThrownBy(() -> GatewayConfigLoader.parse("{\"diversity\": {\"max\": 3}}"))
        .hasMessageContaining("unknown configuration key 'diversity.max'");
    assertThatThrownBy(() -> GatewayConfigLoader.parse("{\"maxCount\": \"200\"}"))
        .hasMessageContaining("maxCount must be an integer");
    assertThatThrownBy(() -> GatewayConfigLoader.parse("{\"maxCount\": 0}"))
        .hasMessageContaining("maxCount must be 1 to 1000");
    assertThatThrownBy(
            () ->
                GatewayConfigLoader.parse(
                    "{\"stageShares\": {\"features\": 0.3, \"recall\": 0.4, \"rank\": 0.4}}"))
        .hasMessageContaining("less than 1");
    assertThatThrownBy(
            () ->
                GatewayConfigLoader.parse(
                    "{\"fusion\": {\"app\": {\"formula\": \"sum\", \"weights\": {\"click\": 1}}}}"))
        .hasMessageContaining("unknown fusion formula 'sum'");
    assertThatThrownBy(
            () ->
                GatewayConfigLoader.parse(
                    "{\"fusion\": {\"app\": {\"formula\": \"additive\","
                        + " \"weights\": {\"click\": -1}}}}"))
        .hasMessageContaining("fusion.app: weight of target 'click'");
  }
}
