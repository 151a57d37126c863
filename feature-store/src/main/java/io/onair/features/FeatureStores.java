package io.onair.features;

import static java.util.Objects.requireNonNull;

import io.onair.features.memory.InMemoryFeatureStore;
import io.onair.features.redis.RedisFeatureStore;

/** Opens a {@link FeatureStore} from a URI, so that deployments choose the backend by setting. */
public final class FeatureStores {
  static final String ACCEPTED_FORMS =
      "memory, redis://host:port[/db] or redis-cluster://host:port[,host:port...]";

  private FeatureStores() {}

  /**
   * Opens a store.
   *
   * <ul>
   *   <li>{@code memory} or {@code memory:}: the embedded in-memory store (no Redis needed);
   *   <li>{@code redis://host:port[/db]} (or {@code rediss://} for TLS): a standalone Redis;
   *   <li>{@code redis-cluster://host:port[,host:port...]}: a Redis Cluster, through seed nodes.
   * </ul>
   *
   * A Redis store connects before returning.
   *
   * @throws IllegalArgumentException for any other URI, naming it and the accepted forms
   * @throws FeatureStoreException if Redis does not answer
   */
  public static FeatureStore open(String uri, FeatureStoreConfig config) {
    requireNonNull(uri, "uri is null");
    requireNonNull(config, "config is null");
    if (uri.equals("memory") || uri.equals("memory:")) {
      return new InMemoryFeatureStore(config);
    }
    if (uri.startsWith("redis://")
        || uri.startsWith("rediss://")
        || uri.startsWith("redis-cluster://")) {
      return RedisFeatureStore.open(uri, config);
    }
    throw new IllegalArgumentException(
        "unsupported feature store uri '" + uri + "': expected " + ACCEPTED_FORMS);
  }
}
