package io.onair.ranking.serving.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingConfigLoaderTest {
  @Test
  void everyKeyIsOptionalAndOverridesItsDefault() {
    assertThat(RankingConfigLoader.parse("{}")).isEqualTo(RankingConfig.defaults());
    RankingConfig config =
        RankingConfigLoader.parse(
            "{\"defaultModel\": \"mmoe\", \"scenarioModels\": {\"tab\": \"dbmtl.tab\"},"
                + " \"maxCandidates\": 700, \"batchSize\": 128, \"serverThreads\": 2,"
                + " \"serverQueue\": 50, \"intraOpThreads\": 2, \"reloadIntervalMillis\": 0,"
                + " \"featuresTimeLimitMillis\": 20, \"defaultDeadlineMillis\": 300,"
                + " \"referAwareScenarios\": [\"swipe\", \"live-room\"]}");
    assertThat(config)
        .isEqualTo(
            new RankingConfig(
                "mmoe",
                Map.of("tab", "dbmtl.tab"),
                700,
                128,
                2,
                50,
                2,
                0,
                20,
                300,
                Set.of("swipe", "live-room")));
    assertThat(config.modelFor("tab")).isEqualTo("dbmtl.tab");
    assertThat(config.modelFor("app")).isEqualTo("mmoe");
    assertThat(config.modelNames()).containsExactly("mmoe", "dbmtl.tab");
  }

  @Test
  void anUnknownKeyIsAnError() {
    assertThatThrownBy(() -> RankingConfigLoader.parse("{\"batchsize\": 10}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown configuration key 'batchsize' (known: batchSize,");
  }

  @Test
  void badValuesAreRefusedWithTheKey() {
    assertThatThrownBy(() -> RankingConfigLoader.parse("{\"batchSize\": 0}"))
        .hasMessage("batchSize must be >= 1, got 0");
    assertThatThrownBy(() -> RankingConfigLoader.parse("{\"batchSize\": \"many\"}"))
        .hasMessageStartingWith("batchSize must be a whole number");
    assertThatThrownBy(() -> RankingConfigLoader.parse("{\"defaultModel\": \"DBMTL\"}"))
        .hasMessageStartingWith("defaultModel: model name 'DBMTL'");
    assertThatThrownBy(() -> RankingConfigLoader.parse("{\"reloadIntervalMillis\": -1}"))
        .hasMessageStartingWith("reloadIntervalMillis must be >= 0");
    assertThatThrownBy(() -> RankingConfigLoader.parse("[]"))
        .hasMessage("the ranking configuration must be a JSON object");
  }
}
