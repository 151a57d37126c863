package io.onair.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.features.memory.InMemoryFeatureStore;
import org.junit.jupiter.api.Test;

class FeatureStoresTest {
  @Test
  void memoryOpensTheEmbeddedStore() {
    try (FeatureStore store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
        FeatureStore other = FeatureStores.open("memory:", FeatureStoreConfig.defaults())) {
      assertThat(store).isInstanceOf(InMemoryFeatureStore.class);
      assertThat(other).isInstanceOf(InMemoryFeatureStore.class);
      assertThat(store.config()).isEqualTo(FeatureStoreConfig.defaults());
    }
  }

  @Test
  void anUnknownSchemeNamesTheUriAndTheAcceptedForms() {
    assertThatThrownBy(() -> FeatureStores.open("mysql://db:3306", FeatureStoreConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unsupported feature store uri 'mysql://db:3306': expected memory,"
                + " redis://host:port[/db] or redis-cluster://host:port[,host:port...]");
    assertThatThrownBy(() -> FeatureStores.open("", FeatureStoreConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("''");
  }

  @Test
  void malformedClusterUrisAreRefusedBeforeConnecting() {
    assertThatThrownBy(() -> FeatureStores.open("redis-cluster://", FeatureStoreConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'redis-cluster://' names no node: expected redis-cluster://host:port[,host:port...]");
    assertThatThrownBy(
            () -> FeatureStores.open("redis-cluster://h1:7000,h2", FeatureStoreConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has node 'h2', expected host:port");
    assertThatThrownBy(
            () ->
                FeatureStores.open(
                    "redis-cluster://h1:7000,,h2:7000", FeatureStoreConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has node ''");
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> FeatureStores.open(null, FeatureStoreConfig.defaults()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("uri is null");
    assertThatThrownBy(() -> FeatureStores.open("memory", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("config is null");
  }
}
