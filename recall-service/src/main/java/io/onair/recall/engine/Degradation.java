package io.onair.recall.engine;

/**
 * What made a recall answer less good than normal (the API's DegradationFlag values recall sets).
 */
public enum Degradation {
  ROUTE_DROPPED,
  COLD_START_POPULAR,
  FEATURES_UNAVAILABLE,
  REFER_IGNORED,
  FEWER_THAN_REQUESTED
}
