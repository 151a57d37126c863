package io.onair.dataset.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGraphTest {
  @Test
  void ordersParentsFirstAndComputesDepth() {
    TargetGraph graph =
        TargetGraph.of(
            List.of(
                TargetSpec.of("purchase", "cart"),
                TargetSpec.of("cart", "bag_click"),
                TargetSpec.of("click"),
                TargetSpec.of("bag_click", "click"),
                TargetSpec.of("follow", "click")));
    assertThat(graph.names()).containsExactly("click", "bag_click", "cart", "purchase", "follow");
    assertThat(graph.depth(graph.indexOf("purchase"))).isEqualTo(3);
    assertThat(graph.depth(graph.indexOf("follow"))).isEqualTo(1);
    assertThat(graph.children(graph.indexOf("click")))
        .containsExactlyInAnyOrder(graph.indexOf("bag_click"), graph.indexOf("follow"));
    assertThat(graph.maxDepth()).isEqualTo(3);
    assertThat(graph.target(graph.indexOf("click")).kind()).isEqualTo(TargetKind.BINARY);
  }

  @Test
  void refusesBadGraphsWithClearMessages() {
    assertThatThrownBy(
            () -> TargetGraph.of(List.of(TargetSpec.of("a", "b"), TargetSpec.of("b", "a"))))
        .hasMessageMatching("the target graph has a cycle: (a -> b -> a|b -> a -> b)");
    assertThatThrownBy(() -> TargetGraph.of(List.of(TargetSpec.of("a", "a"))))
        .hasMessage("target 'a' lists itself as a parent (cycle)");
    assertThatThrownBy(() -> TargetGraph.of(List.of(TargetSpec.of("a", "z"))))
        .hasMessage("target 'a' has parent 'z', which is not declared");
    assertThatThrownBy(() -> TargetGraph.of(List.of(TargetSpec.of("a"), TargetSpec.of("a"))))
        .hasMessage("target 'a' is declared twice");
    assertThatThrownBy(() -> TargetGraph.of(List.of()))
        .hasMessage("at least one target must be declared");
  }

  @Test
  void manifestRoundTripsThroughJson() {
    DatasetManifest manifest =
        DatasetManifest.of(
            "m",
            null,
            "src",
            List.of(TargetSpec.of("click"), TargetSpec.of("gmv", "click")),
            List.of("app"),
            List.of(new FeatureSpec("age", DatasetFile.USERS, FeatureType.NUMERIC)));
    String json = ManifestCodec.toJson(manifest);
    DatasetManifest back;
    try {
      back = ManifestCodec.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
    assertThat(back).isEqualTo(manifest);
    assertThat(back.targets().get(1).kind()).isEqualTo(TargetKind.NUMERIC);
  }
}
