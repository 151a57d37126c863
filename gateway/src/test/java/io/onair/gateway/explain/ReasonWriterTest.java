package io.onair.gateway.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.gateway.recommend.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonWriterTest {
  private static String reason(String route, String via) {
    return ReasonWriter.reason("a_1", List.of(new Provenance(route, 1, 1, via)), "channel", "a_77");
  }

  @Test
  void oneReadableReasonPerRoute() {
    assertThat(reason("U2F", "")).isEqualTo("You follow a_1");
    assertThat(reason("U2A2A", "a_5")).isEqualTo("Similar to a_5 you watched");
    assertThat(reason("U2I2A", "i_9")).isEqualTo("Sellers of an item you viewed (i_9)");
    assertThat(reason("popular", "")).isEqualTo("Popular now in channel");
    assertThat(reason("refer", "a_77")).isEqualTo("Like the room you are in (a_77)");
    assertThat(reason("vector_u2f", "")).startsWith("Close to your taste");
    assertThat(reason("VEC_U2F", "")).isEqualTo("Close to the rooms you follow");
    assertThat(reason("VEC_U2I2I2A", ""))
        .isEqualTo("Close to sellers of items like those you viewed");
    assertThat(reason("VEC_NEW", "")).isEqualTo("Close to your taste (VEC_NEW)");
  }

  @Test
  void theSecondRouteIsMentionedAndNoRouteStillGivesAReason() {
    assertThat(
            ReasonWriter.reason(
                "a_1",
                List.of(new Provenance("U2F", 1, 1, ""), new Provenance("popular", 1, 3, "")),
                "app",
                ""))
        .isEqualTo("You follow a_1, also found by popular");
    assertThat(ReasonWriter.reason("a_1", List.of(), "tab", "")).isEqualTo("Live now in tab");
  }
}
