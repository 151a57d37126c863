package io.onair.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainValuesTest {
  @Test
  void configDefaultsAreDocumented() {
    FeatureStoreConfig defaults = FeatureStoreConfig.defaults();

    assertThat(defaults.namespace()).isEqualTo("onair");
    assertThat(defaults.exposureWindowSeconds()).isEqualTo(3600);
    assertThat(defaults.historyMaxLength()).isEqualTo(200);
    assertThat(defaults.withNamespace("staging").namespace()).isEqualTo("staging");
  }

  @Test
  void configRefusesNamespacesThatWouldBreakKeysOrPatterns() {
    for (String namespace : List.of("", "a:b", "{onair}", "on*air", "on air", "x".repeat(65))) {
      assertThatThrownBy(() -> new FeatureStoreConfig(namespace, 1, 1))
          .as(namespace)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be 1 to 64 letters, digits");
    }
    assertThatThrownBy(() -> new FeatureStoreConfig(null, 1, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("namespace is null");
  }

  @Test
  void configRefusesNonPositiveWindowsAndLengths() {
    assertThatThrownBy(() -> new FeatureStoreConfig("onair", 0, 1))
        .hasMessage("exposureWindowSeconds must be > 0, got 0");
    assertThatThrownBy(() -> new FeatureStoreConfig("onair", 1, 0))
        .hasMessage("historyMaxLength must be between 1 and 10000, got 0");
    assertThatThrownBy(() -> new FeatureStoreConfig("onair", 1, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void historyKindKeyNamesAreStable() {
    assertThat(HistoryKind.FOLLOWS.keyName()).isEqualTo("follows");
    assertThat(HistoryKind.WATCHED_ANCHORS.keyName()).isEqualTo("watched");
    assertThat(HistoryKind.ITEMS.keyName()).isEqualTo("items");
    for (HistoryKind kind : HistoryKind.values()) {
      assertThat(HistoryKind.fromKeyName(kind.keyName())).isEqualTo(kind);
    }
    assertThatThrownBy(() -> HistoryKind.fromKeyName("likes"))
        .hasMessage("unknown history key name 'likes', expected follows, watched or items");
  }

  @Test
  void scoredIdNormalizesNegativeZeroAndRefusesNonFiniteScores() {
    assertThat(new ScoredId("a", -0.0)).isEqualTo(new ScoredId("a", 0.0));
    assertThatThrownBy(() -> new ScoredId("a", Double.NaN))
        .hasMessage("score must be a finite number, got NaN");
    assertThatThrownBy(() -> new ScoredId(null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id is null");
  }

  @Test
  void rankingIsScoreDescendingThenIdDescendingByCodePoint() {
    List<ScoredId> ids =
        new ArrayList<>(
            List.of(
                new ScoredId("a", 1),
                new ScoredId("b", 1),
                new ScoredId("z", 0),
                new ScoredId("\uFFFD", 1),
                new ScoredId("😀", 1),
                new ScoredId("ab", 1),
                new ScoredId("c", 2)));
    ids.sort(ScoredId.RANKING);

    // U+1F600 is above U+FFFD by code point (and in UTF-8, as Redis compares), although its
    // UTF-16 surrogates sort below U+FFFD with String.compareTo.
    assertThat(ids)
        .extracting(ScoredId::id)
        .containsExactly("c", "😀", "\uFFFD", "b", "ab", "a", "z");
  }

  @Test
  void featureMapsAreCopiedAndRefuseNulls() {
    Map<String, String> features = new HashMap<>(Map.of("k", "v"));
    UserProfile profile = new UserProfile("u1", features);
    features.put("k2", "v2");

    assertThat(profile.features()).isEqualTo(Map.of("k", "v"));
    assertThatThrownBy(() -> profile.features().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);

    Map<String, String> withNullValue = new HashMap<>();
    withNullValue.put("lang", null);
    assertThatThrownBy(() -> new AnchorFeatures("a1", "music", withNullValue))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features has a null value for key 'lang'");
    assertThatThrownBy(() -> new AnchorFeatures("a1", null, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("category is null");
  }

  @Test
  void userHistoryRefusesDuplicateIds() {
    assertThatThrownBy(
            () ->
                new UserHistory(
                    "u1", HistoryKind.ITEMS, List.of(new ScoredId("i1", 1), new ScoredId("i1", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entries of ITEMS for user 'u1' contain id 'i1' more than once");
    assertThatThrownBy(
            () -> new UserHistory("u1", HistoryKind.ITEMS, Arrays.asList((ScoredId) null)))
        .hasMessage("entries has a null element at position 0");
  }

  @Test
  void liveSessionsAreHalfOpenIntervals() {
    LiveSession session = new LiveSession("a1", 100, 200);

    assertThat(session.isLiveAt(99)).isFalse();
    assertThat(session.isLiveAt(100)).isTrue();
    assertThat(session.isLiveAt(199)).isTrue();
    assertThat(session.isLiveAt(200)).isFalse();
    assertThatThrownBy(() -> new LiveSession("a1", -1, 200))
        .hasMessage("startEpochSecond must be an epoch second >= 0, got -1");
  }

  @Test
  void userFeaturesHaveEveryKindAndKnowWhetherTheUserIsKnown() {
    UserFeatures unknown = UserFeatures.unknown("u1");
    assertThat(unknown.histories()).containsOnlyKeys(HistoryKind.values());
    assertThat(unknown.isKnown()).isFalse();

    UserFeatures withFollow =
        new UserFeatures(
            "u1", Map.of(), Map.of(HistoryKind.FOLLOWS, List.of(new ScoredId("a1", 1))), Set.of());
    assertThat(withFollow.isKnown()).isTrue();
    assertThat(withFollow.history(HistoryKind.ITEMS)).isEmpty();

    assertThat(new UserFeatures("u1", Map.of("k", "v"), Map.of(), Set.of()).isKnown()).isTrue();
  }

  @Test
  void userFeaturesRefuseHistoriesThatAreNotSortedDescending() {
    assertThatThrownBy(
            () ->
                new UserFeatures(
                    "u1",
                    Map.of(),
                    Map.of(
                        HistoryKind.ITEMS, List.of(new ScoredId("i1", 1), new ScoredId("i2", 2))),
                    Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("histories[ITEMS] is not sorted by score descending at position 1");
  }
}
