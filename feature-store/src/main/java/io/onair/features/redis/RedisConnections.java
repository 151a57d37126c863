package io.onair.features.redis;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.protocol.RedisCommand;
import io.onair.features.FeatureStoreException;
import java.util.List;

/**
 * The client and the two connections of a Redis store, for a standalone Redis or a Redis Cluster.
 * Both are used through {@link RedisClusterAsyncCommands}, the command set they share.
 *
 * <ul>
 *   <li>The <b>request</b> connection carries reads and event-time updates. It flushes every
 *       command at once; commands issued back to back are pipelined (no wait between them), so a
 *       request's reads take one round trip.
 *   <li>The <b>bulk</b> connection carries batch loads. It never flushes by itself: a batch of
 *       commands is issued and then flushed in one write. Manual flushing is set once here and
 *       never toggled, because the flag is per connection and toggling it on a shared connection
 *       would hold back other threads' commands. A separate connection also keeps a 1,000-command
 *       batch from queueing in front of a request's reads.
 * </ul>
 *
 * <p>Thread-safe: lettuce connections are; {@link #close()} is called once by the store.
 */
final class RedisConnections implements AutoCloseable {
  private final String description;
  private final AbstractRedisClient client;
  private final StatefulConnection<String, String> requestConnection;
  private final StatefulConnection<String, String> bulkConnection;
  private final RedisClusterAsyncCommands<String, String> requests;
  private final RedisClusterAsyncCommands<String, String> bulk;

  private RedisConnections(
      String description,
      AbstractRedisClient client,
      StatefulConnection<String, String> requestConnection,
      RedisClusterAsyncCommands<String, String> requests,
      StatefulConnection<String, String> bulkConnection,
      RedisClusterAsyncCommands<String, String> bulk) {
    this.description = description;
    this.client = client;
    this.requestConnection = requestConnection;
    this.requests = requests;
    this.bulkConnection = bulkConnection;
    this.bulk = bulk;
    bulkConnection.setAutoFlushCommands(false);
  }

  /** Connects to a standalone Redis (or a primary). Fails at once if it does not answer. */
  static RedisConnections standalone(RedisURI uri) {
    requireNonNull(uri, "uri is null");
    String description = "redis://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    RedisClient client = RedisClient.create(uri);
    // Async commands would otherwise wait forever for a Redis that stopped answering.
    client.setOptions(ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled()).build());
    try {
      StatefulRedisConnection<String, String> requestConnection = client.connect();
      StatefulRedisConnection<String, String> bulkConnection = client.connect();
      return new RedisConnections(
          description,
          client,
          requestConnection,
          requestConnection.async(),
          bulkConnection,
          bulkConnection.async());
    } catch (RuntimeException e) {
      client.shutdown();
      throw cannotConnect(description, e);
    }
  }

  /** Connects to a Redis Cluster through seed nodes. Fails at once if none answers. */
  static RedisConnections cluster(List<RedisURI> seeds) {
    requireNonNull(seeds, "seeds is null");
    String description =
        "redis-cluster://"
            + String.join(
                ",", seeds.stream().map(seed -> seed.getHost() + ":" + seed.getPort()).toList());
    RedisClusterClient client = RedisClusterClient.create(seeds);
    // Lettuce 7 enables every adaptive topology refresh trigger (MOVED, ASK, reconnects) by
    // default, so failovers and resharding are followed without a restart.
    client.setOptions(
        ClusterClientOptions.builder().timeoutOptions(TimeoutOptions.enabled()).build());
    try {
      StatefulRedisClusterConnection<String, String> requestConnection = client.connect();
      StatefulRedisClusterConnection<String, String> bulkConnection = client.connect();
      return new RedisConnections(
          description,
          client,
          requestConnection,
          requestConnection.async(),
          bulkConnection,
          bulkConnection.async());
    } catch (RuntimeException e) {
      client.shutdown();
      throw cannotConnect(description, e);
    }
  }

  /** Where this store points, without credentials. */
  String description() {
    return description;
  }

  /** Commands for reads and single-event updates, flushed as issued. */
  RedisClusterAsyncCommands<String, String> requests() {
    return requests;
  }

  /** The codec of the request connection, for commands built by hand ({@link UserRead}). */
  RedisCodec<String, String> requestCodec() {
    return requestConnection.getCodec();
  }

  /**
   * Writes commands on the request connection in one write and one flush (thread-safe, unlike
   * toggling auto-flush). In a cluster they are routed by slot, one batch per node.
   */
  void dispatchRequests(List<RedisCommand<String, String, ?>> commands) {
    requestConnection.dispatch(commands);
  }

  /** Commands for batch loads; nothing is sent until {@link #flushBulk()}. */
  RedisClusterAsyncCommands<String, String> bulk() {
    return bulk;
  }

  /**
   * Queues hand-built commands on the bulk connection; like every bulk command they are sent by the
   * next {@link #flushBulk()}.
   */
  void dispatchBulk(List<RedisCommand<String, String, ?>> commands) {
    bulkConnection.dispatch(commands);
  }

  /** Sends every bulk command issued so far, in one write per node. */
  void flushBulk() {
    bulkConnection.flushCommands();
  }

  @Override
  public void close() {
    try {
      bulkConnection.close();
      requestConnection.close();
    } finally {
      client.shutdown();
    }
  }

  private static FeatureStoreException cannotConnect(String description, RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new FeatureStoreException(
        "cannot connect to " + description + ": " + root.getMessage(), e);
  }
}
