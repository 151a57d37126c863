package io.onair.gateway.recommend;

import java.util.Locale;

/**
 * What made an answer less good than normal; the domain twin of {@code onair.v1.DegradationFlag}
 * (same names without the prefix). Listed in the order the wire enum numbers them.
 */
public enum Degradation {
  RANKING_FALLBACK_RECALL_ORDER,
  RECALL_FALLBACK_POPULAR,
  ROUTE_DROPPED,
  COLD_START_POPULAR,
  FEATURES_UNAVAILABLE,
  REFER_IGNORED,
  FEWER_THAN_REQUESTED,
  DIVERSITY_RELAXED,
  RANKING_PARTIAL;

  /** The lower-case name, as the metrics label it. */
  public String metricName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
