package io.onair.features.redis;

import io.onair.dataset.activity.ActivityCounter;
import io.onair.dataset.activity.ActivityKind;
import io.onair.dataset.activity.ActivityWindow;
import io.onair.features.ActivityEvent;
import io.onair.features.FeatureStoreException;
import java.util.Map;

/**
 * The real-time statistics in Redis: one HASH per statistics key holding the slots of an {@link
 * ActivityCounter}, field {@code m<slot>} (minute ring) or {@code h<slot>} (hour ring), value
 * {@code <bucket>:<count per kind>}. A small Lua script applies one event with the counter's rule
 * (a newer bucket resets the slot, an older one is not counted) and renews the key's time to live;
 * a read rebuilds an {@link ActivityCounter} from the hash, so the windows are computed by the same
 * code as offline. Stateless.
 */
final class ActivityCommands {
  /** A key with no event for this long (a day and an hour) is dropped by Redis. */
  static final long TIME_TO_LIVE_SECONDS = 25 * 3600;

  /**
   * KEYS[1] = hash; ARGV = kind (1-based), minute, hour, count, kinds, time to live, minute field,
   * hour field. The fields (the slots) are chosen by {@link ActivityCounter}, so the ring sizes are
   * written down once.
   */
  static final String RECORD_SCRIPT =
      """
      local kind = tonumber(ARGV[1])
      local count = tonumber(ARGV[4])
      local kinds = tonumber(ARGV[5])
      local function bump(field, bucket)
        local stored = redis.call('HGET', KEYS[1], field)
        local counts = {}
        for k = 1, kinds do counts[k] = 0 end
        if stored then
          local values = {}
          for v in string.gmatch(stored, '[^:]+') do values[#values + 1] = tonumber(v) end
          if values[1] > bucket then return end
          if values[1] == bucket then
            for k = 1, kinds do counts[k] = values[k + 1] or 0 end
          end
        end
        counts[kind] = counts[kind] + count
        redis.call('HSET', KEYS[1], field, string.format('%d', bucket) .. ':' .. table.concat(counts, ':'))
      end
      local minute = tonumber(ARGV[2])
      local hour = tonumber(ARGV[3])
      bump(ARGV[7], minute)
      bump(ARGV[8], hour)
      redis.call('EXPIRE', KEYS[1], tonumber(ARGV[6]))
      return 1
      """;

  private ActivityCommands() {}

  /** The script's arguments for one event. */
  static String[] recordArguments(ActivityEvent event) {
    long minute = ActivityCounter.minute(event.epochSecond());
    long hour = ActivityCounter.hour(event.epochSecond());
    return new String[] {
      Integer.toString(event.kind().ordinal() + 1),
      Long.toString(minute),
      Long.toString(hour),
      Integer.toString(event.count()),
      Integer.toString(ActivityKind.COUNT),
      Long.toString(TIME_TO_LIVE_SECONDS),
      field(true, minute),
      field(false, hour)
    };
  }

  /** The hash field of the slot that holds {@code bucket} in the minute or the hour ring. */
  static String field(boolean minuteRing, long bucket) {
    return minuteRing
        ? "m" + ActivityCounter.minuteSlot(bucket)
        : "h" + ActivityCounter.hourSlot(bucket);
  }

  /** The window at {@code atEpochSecond} of a hash read back with HGETALL. */
  static ActivityWindow window(Map<String, String> fields, long atEpochSecond, String redisKey) {
    if (fields.isEmpty()) {
      return ActivityWindow.EMPTY;
    }
    ActivityCounter counter = new ActivityCounter();
    for (Map.Entry<String, String> slot : fields.entrySet()) {
      String name = slot.getKey();
      String value = slot.getValue();
      String[] parts = value.split(":");
      if (name.isEmpty()
          || (name.charAt(0) != 'm' && name.charAt(0) != 'h')
          || parts.length != ActivityKind.COUNT + 1) {
        throw malformed(redisKey, name, value);
      }
      boolean minuteRing = name.charAt(0) == 'm';
      long bucket;
      int[] counts = new int[ActivityKind.COUNT];
      try {
        bucket = Long.parseLong(parts[0]);
        for (int k = 0; k < counts.length; k++) {
          counts[k] = Integer.parseInt(parts[k + 1]);
        }
      } catch (NumberFormatException e) {
        throw malformed(redisKey, name, value);
      }
      // A bucket in a field that is not its slot would silently replace the slot's own field.
      if (!name.equals(field(minuteRing, bucket))) {
        throw malformed(redisKey, name, value);
      }
      counter.restoreSlot(minuteRing, bucket, counts);
    }
    return counter.window(atEpochSecond);
  }

  private static FeatureStoreException malformed(String key, String field, String value) {
    return new FeatureStoreException(
        "malformed activity slot in " + key + ": field '" + field + "' = '" + value + "'");
  }
}
