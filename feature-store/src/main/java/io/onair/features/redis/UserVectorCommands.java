package io.onair.features.redis;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.output.MapOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.onair.features.FeatureArguments;
import io.onair.features.FeatureStoreException;
import io.onair.features.UserVectors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The commands of a user's pretrained vectors: one HASH per user, {@code <ns>:{u:<userId>}:vec},
 * with a {@code version} field (the version id, UTF-8) and one field per modality holding the
 * vector as little-endian float32 bytes (4 bytes per component, no header).
 *
 * <p>Vectors are binary, while the store's connections speak strings. The commands are therefore
 * built here with a codec of their own (string keys, byte-array values) and written to the store's
 * connections through {@code dispatch}: a connection only writes a command's encoded bytes and
 * hands the reply to the command's own output, so neither step uses the connection's codec, and in
 * a cluster the command is routed by its encoded key like any other. That keeps the two connections
 * (request and bulk) and their flushing rules as they are.
 *
 * <p>Stateless and thread-safe.
 */
final class UserVectorCommands {
  /**
   * Sets one modality and the version atomically, dropping the user's vectors first if they have
   * another version, so that a reader never sees vectors of two versions together. KEYS[1] = the
   * hash, ARGV = version, modality, vector bytes. Lua strings are binary-safe.
   */
  static final String PUT_SCRIPT =
      """
      if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then
        redis.call('DEL', KEYS[1])
      end
      redis.call('HSET', KEYS[1], 'version', ARGV[1], ARGV[2], ARGV[3])
      return 1
      """;

  private static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final RedisKeys keys;

  UserVectorCommands(RedisKeys keys) {
    this.keys = keys;
  }

  /** {@code EVAL PUT_SCRIPT 1 <key> <version> <modality> <vector>}. */
  AsyncCommand<String, byte[], Long> put(
      String userId, byte[] version, byte[] modality, byte[] vector) {
    CommandArgs<String, byte[]> args =
        new CommandArgs<>(CODEC)
            .add(PUT_SCRIPT)
            .add(1)
            .addKey(keys.userVectors(userId))
            .addValue(version)
            .addValue(modality)
            .addValue(vector);
    return new AsyncCommand<>(new Command<>(CommandType.EVAL, new IntegerOutput<>(CODEC), args));
  }

  /** {@code HGETALL <key>}. */
  AsyncCommand<String, byte[], Map<String, byte[]>> read(String userId) {
    CommandArgs<String, byte[]> args = new CommandArgs<>(CODEC).addKey(keys.userVectors(userId));
    return new AsyncCommand<>(new Command<>(CommandType.HGETALL, new MapOutput<>(CODEC), args));
  }

  /** Decodes an HGETALL reply; an empty reply is a user without vectors. */
  UserVectors decode(String userId, Map<String, byte[]> fields) {
    if (fields.isEmpty()) {
      return UserVectors.empty();
    }
    String key = keys.userVectors(userId);
    byte[] version = fields.get(FeatureArguments.VECTOR_VERSION_FIELD);
    if (version == null || version.length == 0) {
      throw new FeatureStoreException(
          "key " + key + " has vectors " + fields.keySet() + " but no version field");
    }
    Map<String, float[]> vectors = new HashMap<>();
    for (Map.Entry<String, byte[]> field : fields.entrySet()) {
      if (!field.getKey().equals(FeatureArguments.VECTOR_VERSION_FIELD)) {
        vectors.put(field.getKey(), decodeVector(field.getValue(), key, field.getKey()));
      }
    }
    return new UserVectors(new String(version, StandardCharsets.UTF_8), vectors);
  }

  /** The vector as little-endian float32 bytes. */
  static byte[] encodeVector(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vector);
    return bytes.array();
  }

  static float[] decodeVector(byte[] bytes, String key, String field) {
    if (bytes.length == 0 || bytes.length % Float.BYTES != 0) {
      throw new FeatureStoreException(
          "key "
              + key
              + " field "
              + field
              + " holds "
              + bytes.length
              + " bytes, not a little-endian float32 vector");
    }
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }

  /**
   * The command as one the string connections accept. Safe because a connection neither encodes nor
   * decodes a command with its own codec (see the class comment).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T> RedisCommand<String, String, T> onStringConnection(
      AsyncCommand<String, byte[], T> command) {
    return (RedisCommand) command;
  }
}
