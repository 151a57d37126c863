package io.onair.features.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.features.FeatureStoreException;
import org.junit.jupiter.api.Test;

class LiveScheduleMemberTest {
  @Test
  void theLastSeparatorSplitsAnchorAndStart() {
    LiveScheduleMember member = new LiveScheduleMember("a|b|", 1_700_000_000L);

    assertThat(member.encode()).isEqualTo("a|b||1700000000");
    assertThat(LiveScheduleMember.decode(member.encode(), "ns:live")).isEqualTo(member);
  }

  @Test
  void malformedMembersNameTheKeyAndTheMember() {
    for (String malformed : new String[] {"a1", "|100", "a1|", "a1|x"}) {
      assertThatThrownBy(() -> LiveScheduleMember.decode(malformed, "ns:live"))
          .as(malformed)
          .isInstanceOf(FeatureStoreException.class)
          .hasMessageContaining("live schedule ns:live holds member '" + malformed + "'");
    }
  }
}
