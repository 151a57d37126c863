package io.onair.recall.engine;

/** What happened to one route in one request (the API's RouteStatus). */
public enum RouteStatus {
  OK,
  DROPPED_ERROR,
  DROPPED_DEADLINE,
  EMPTY,
  SKIPPED
}
