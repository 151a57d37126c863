package io.onair.features.redis;

import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStoreContractTest;
import io.onair.features.FeatureStores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against a Redis Cluster, where every multi-key command must respect slots: MGET of
 * anchors spread over nodes, SCAN and UNLINK on every primary, the five user commands in one slot.
 * Runs only when {@code ONAIR_REDIS_CLUSTER_URL} names a cluster (e.g. {@code
 * redis-cluster://127.0.0.1:7101,127.0.0.1:7102}), because the project's test command provides a
 * standalone Redis only; docs/feature-store.md shows how to start a local cluster for it.
 */
@EnabledIfEnvironmentVariable(named = "ONAIR_REDIS_CLUSTER_URL", matches = "redis-cluster://.+")
class RedisClusterFeatureStoreTest extends FeatureStoreContractTest {
  @Override
  protected FeatureStore openStore(FeatureStoreConfig config) {
    return FeatureStores.open(System.getenv("ONAIR_REDIS_CLUSTER_URL"), config);
  }
}
