package io.onair.features.memory;

import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStoreContractTest;
import io.onair.features.FeatureStores;

/** The contract against the embedded store, opened the way {@code onair quickstart} opens it. */
class InMemoryFeatureStoreTest extends FeatureStoreContractTest {
  @Override
  protected FeatureStore openStore(FeatureStoreConfig config) {
    return FeatureStores.open("memory", config);
  }
}
