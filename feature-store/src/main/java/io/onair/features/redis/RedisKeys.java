package io.onair.features.redis;

import io.onair.features.FeatureStoreConfig;
import io.onair.features.HistoryKind;

/**
 * The Redis key schema of one namespace (see docs/feature-store.md).
 *
 * <ul>
 *   <li>{@code <ns>:{u:<userId>}:profile}: STRING, JSON object of the profile features
 *   <li>{@code <ns>:{u:<userId>}:h:<kind>}: ZSET member = id, score = history score
 *   <li>{@code <ns>:{u:<userId>}:exposed}: ZSET member = anchor id, score = epoch second shown
 *   <li>{@code <ns>:{u:<userId>}:vec}: HASH {@code version} = pretraining version (UTF-8), one field
 *       per modality = vector as little-endian float32 bytes
 *   <li>{@code <ns>:anchor:<anchorId>}: STRING, JSON {@code {"category":..,"features":{..}}}
 *   <li>{@code <ns>:act:<statisticsKey>}: HASH of the real-time statistics' slots ({@code
 *       ActivityCommands}), expiring a day and an hour after its last event
 *   <li>{@code <ns>:live}: ZSET member = {@code <anchorId>|<start>}, score = end
 * </ul>
 *
 * <p>The braces around {@code u:<userId>} are a Redis Cluster hash tag: all keys of one user hash
 * to one slot, so the five reads of a request go to one node. The namespace has no braces (the
 * config refuses them), otherwise it would become the hash tag of every key and put the whole
 * store in one slot. A user id may itself contain '}': the tag then ends earlier, but it ends at
 * the same place in every key of that user, so they still share a slot.
 *
 * <p>Keys cannot collide: user keys start with {@code <ns>:{u:}, anchor keys with {@code
 * <ns>:anchor:}, statistics keys with {@code <ns>:act:}, and the fixed suffixes of user keys (profile, h:follows, h:watched, h:items,
 * exposed, vec) are not suffixes of one another.
 */
final class RedisKeys {
  private final String prefix;

  RedisKeys(FeatureStoreConfig config) {
    this.prefix = config.namespace() + ":";
  }

  String profile(String userId) {
    return userPrefix(userId) + "profile";
  }

  String history(String userId, HistoryKind kind) {
    return userPrefix(userId) + "h:" + kind.keyName();
  }

  String exposed(String userId) {
    return userPrefix(userId) + "exposed";
  }

  String userVectors(String userId) {
    return userPrefix(userId) + "vec";
  }

  String anchor(String anchorId) {
    return prefix + "anchor:" + anchorId;
  }

  String activity(String statisticsKey) {
    return prefix + "act:" + statisticsKey;
  }

  String liveSchedule() {
    return prefix + "live";
  }

  /** SCAN pattern matching every key of this namespace and of no other (names have no ':'). */
  String everyKeyPattern() {
    return prefix + "*";
  }

  private String userPrefix(String userId) {
    return prefix + "{u:" + userId + "}:";
  }
}
