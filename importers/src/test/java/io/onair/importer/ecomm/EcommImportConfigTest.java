package io.onair.importer.ecomm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EcommImportConfigTest {
  @Test
  void defaults() {
    EcommImportConfig config = EcommImportConfig.defaults();
    assertThat(config.negativesPerPositive()).isEqualTo(4);
    assertThat(config.scenario()).isEqualTo("channel");
    assertThat(config.withSeed(9).withScenario("app").withNegativesPerPositive(2))
        .isEqualTo(new EcommImportConfig(2, 9, "app"));
  }

  @Test
  void refusesWhatCannotBeImported() {
    EcommImportConfig config = EcommImportConfig.defaults();
    assertThatThrownBy(() -> config.withNegativesPerPositive(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negativesPerPositive must be within [1, 100], got 0");
    assertThatThrownBy(() -> config.withNegativesPerPositive(101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withScenario("swipe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("swipe needs a refer room");
    assertThatThrownBy(() -> config.withScenario(null)).isInstanceOf(NullPointerException.class);
  }
}
