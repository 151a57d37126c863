package io.onair.features.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Writes a bulk load through the bulk connection in batches: each batch of commands is issued and
 * flushed in one write, and the next batch goes out only when every reply of this one is in. That
 * bounds what a load keeps in flight (client memory, Redis output buffers) while paying one round
 * trip per batch instead of one per command. The first failing batch stops the load with a {@link
 * io.onair.features.FeatureStoreException} that carries the Redis error.
 *
 * <p>Thread-safe: several loads may run at once; their batches interleave on the connection.
 */
final class BatchWriter {
  /** Commands per batch: large enough to amortize the round trip, small enough to stay cheap. */
  static final int COMMANDS_PER_BATCH = 1_000;

  private final RedisConnections connections;

  BatchWriter(RedisConnections connections) {
    this.connections = connections;
  }

  /**
   * Issues {@code issue(bulkCommands, batch)} for consecutive batches of {@code items}.
   *
   * @param operation named in the error, e.g. "putAnchors"
   * @param items prepared in the caller's thread (keys and JSON already built), so the batches,
   *     which continue on a Redis I/O thread, only send
   * @param itemsPerBatch how many items make one batch of about {@link #COMMANDS_PER_BATCH}
   *     commands
   */
  <T> CompletableFuture<Void> write(
      String operation,
      List<T> items,
      int itemsPerBatch,
      BiFunction<
              RedisClusterAsyncCommands<String, String>,
              List<T>,
              List<? extends CompletionStage<?>>>
          issue) {
    return writeFrom(operation, List.copyOf(items), itemsPerBatch, 0, issue);
  }

  private <T> CompletableFuture<Void> writeFrom(
      String operation,
      List<T> items,
      int itemsPerBatch,
      int start,
      BiFunction<
              RedisClusterAsyncCommands<String, String>,
              List<T>,
              List<? extends CompletionStage<?>>>
          issue) {
    if (start >= items.size()) {
      return CompletableFuture.completedFuture(null);
    }
    int end = Math.min(items.size(), start + itemsPerBatch);
    List<? extends CompletionStage<?>> replies;
    try {
      replies = issue.apply(connections.bulk(), items.subList(start, end));
    } finally {
      connections.flushBulk();
    }
    List<CompletableFuture<?>> futures = new ArrayList<>(replies.size());
    replies.forEach(reply -> futures.add(reply.toCompletableFuture()));
    String batch =
        operation + " (items " + start + " to " + (end - 1) + " of " + items.size() + ")";
    return RedisFailures.describe(
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), batch)
        .thenCompose(ignored -> writeFrom(operation, items, itemsPerBatch, end, issue));
  }
}
