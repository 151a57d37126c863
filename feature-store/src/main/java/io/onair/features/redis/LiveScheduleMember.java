package io.onair.features.redis;

import io.onair.features.FeatureStoreException;

/**
 * A member of the live schedule sorted set: {@code <anchorId>|<startEpochSecond>}. The anchor id
 * may contain '|' itself; the start is digits only, so the last '|' always separates them.
 */
record LiveScheduleMember(String anchorId, long startEpochSecond) {

  String encode() {
    return anchorId + "|" + startEpochSecond;
  }

  static LiveScheduleMember decode(String member, String key) {
    int separator = member.lastIndexOf('|');
    if (separator <= 0 || separator == member.length() - 1) {
      throw new FeatureStoreException(
          "live schedule " + key + " holds member '" + member + "', expected <anchorId>|<start>");
    }
    try {
      return new LiveScheduleMember(
          member.substring(0, separator), Long.parseLong(member.substring(separator + 1)));
    } catch (NumberFormatException e) {
      throw new FeatureStoreException(
          "live schedule " + key + " holds member '" + member + "' whose start is not a number", e);
    }
  }
}
