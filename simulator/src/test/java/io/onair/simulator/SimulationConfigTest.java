package io.onair.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {
  @Test
  void everyPresetIsValidWithTheDocumentedSizes() {
    assertThat(SimulationConfig.PRESETS).containsExactly("tiny", "small", "medium", "large");
    int[][] sizes = {
      {300, 60, 8, 600, 7},
      {3_000, 400, 12, 4_000, 10},
      {30_000, 3_000, 20, 30_000, 14},
      {1_000_000, 100_000, 40, 500_000, 14}
    };
    for (int i = 0; i < sizes.length; i++) {
      SimulationConfig config = SimulationConfig.preset(SimulationConfig.PRESETS.get(i), 5);
      WorldParameters world = config.world();
      assertThat(
              new int[] {
                world.users(), world.anchors(), world.categories(), world.items(), world.days()
              })
          .containsExactly(sizes[i]);
      assertThat(config.seed()).isEqualTo(5);
      assertThat(config.preset()).isEqualTo(SimulationConfig.PRESETS.get(i));
      assertThat(config.scenarios())
          .extracting(ScenarioParameters::name)
          .containsExactlyElementsOf(SimulationConfig.SCENARIO_NAMES);
    }
  }

  @Test
  void presetNamesIgnoreCaseAndSpaces() {
    assertThat(SimulationConfig.preset(" Small ", 1).preset()).isEqualTo("small");
  }

  @Test
  void unknownPresetListsTheValidOnes() {
    assertThatThrownBy(() -> SimulationConfig.preset("huge", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("huge")
        .hasMessageContaining("tiny, small, medium, large");
  }

  @Test
  void badParametersAreRefusedWithTheirName() {
    WorldParameters world = SimulationConfig.preset("tiny", 1).world();
    assertThatThrownBy(() -> world.withSizes(0, 60, 8, 600, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users");
    assertThatThrownBy(() -> world.withSizes(300, 4, 8, 600, 7)).hasMessageContaining("categories");
    assertThatThrownBy(() -> world.withSizes(300, 60, 8, 5, 7)).hasMessageContaining("items");
    assertThatThrownBy(() -> TrafficParameters.defaults(-1))
        .hasMessageContaining("sessionsPerUserDay");
    assertThatThrownBy(() -> new ScenarioParameters("tab", 0.1, 0, -3, 1, 0.1, -3))
        .hasMessageContaining("tab.slateSize");
  }

  @Test
  void scenariosMustBeTheFourInManifestOrder() {
    SimulationConfig config = SimulationConfig.preset("tiny", 1);
    List<ScenarioParameters> swapped = new ArrayList<>(config.scenarios());
    swapped.set(0, config.scenarios().get(1));
    swapped.set(1, config.scenarios().get(0));
    assertThatThrownBy(() -> config.withScenarios(swapped))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel, app, tab, swipe");
    assertThatThrownBy(() -> config.withScenarios(config.scenarios().subList(0, 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void promotionCoversAFewDaysLateInTheSpan() {
    ScheduleParameters schedule = ScheduleParameters.defaults();
    assertThat(schedule.promotionFirstDay(14)).isEqualTo(8);
    assertThat(schedule.promotionEndDay(14)).isEqualTo(11);
    assertThat(schedule.promotionFirstDay(7)).isEqualTo(4);
    assertThat(schedule.promotionEndDay(7)).isEqualTo(5);
    assertThat(schedule.promotionEndDay(1)).isEqualTo(1);
  }
}
