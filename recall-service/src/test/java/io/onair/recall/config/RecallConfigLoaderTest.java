package io.onair.recall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RecallConfigLoaderTest {
  private static RecallConfig parse(String json) throws Exception {
    return RecallConfigLoader.parse(new ObjectMapper().readTree(json));
  }

  @Test
  void overridesOnlyWhatIsGiven() throws Exception {
    RecallConfig c =
        parse(
            "{\"defaultCount\": 300, \"routes\": {\"U2A2A\": {\"quota\": 150}},"
                + " \"scenarioRoutes\": {\"tab\": [\"U2F\", \"popular\"]}}");
    assertThat(c.defaultCount()).isEqualTo(300);
    assertThat(c.routes().get("U2A2A").quota()).isEqualTo(150);
    assertThat(c.routes().get("U2A2A").timeLimitMillis())
        .isEqualTo(RecallConfig.DEFAULT_ROUTES.get("U2A2A").timeLimitMillis());
    assertThat(c.routesOf("tab")).containsExactly("U2F", "popular");
    assertThat(c.routesOf("channel")).isEqualTo(RecallConfig.ALL_ROUTES);
  }

  @Test
  void refusesUnknownKeysAndBadValues() {
    assertThatThrownBy(() -> parse("{\"defaultCuont\": 3}"))
        .hasMessageContaining("unknown configuration key 'defaultCuont'");
    assertThatThrownBy(() -> parse("{\"routes\": {\"U2F\": {\"qouta\": 3}}}"))
        .hasMessageContaining("'routes.U2F.qouta'");
    assertThatThrownBy(() -> parse("{\"routes\": {\"U2F\": {\"quota\": 0}}}"))
        .hasMessageContaining("quota must be 1 to 10000");
    assertThatThrownBy(() -> parse("{\"scenarioRoutes\": {\"tab\": [\"U2X\"]}}"))
        .hasMessageContaining("names route 'U2X'");
    assertThatThrownBy(() -> parse("{\"defaultCount\": 5000}"))
        .hasMessageContaining("defaultCount must be 1 to maxCount");
  }
}
