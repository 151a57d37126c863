package io.onair.gateway.events;

import static java.util.Objects.requireNonNull;

/**
 * A behaviour as received (not yet validated; {@link EventValidator} checks it).
 *
 * @param type null when the client sent none (or one this server does not know)
 */
public record BehaviourEvent(
    String userId,
    String anchorId,
    String itemId,
    BehaviourKind type,
    double value,
    long eventTime,
    String scenario,
    String requestId) {
  public BehaviourEvent {
    requireNonNull(userId, "userId is null");
    requireNonNull(anchorId, "anchorId is null");
    requireNonNull(itemId, "itemId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(requestId, "requestId is null");
  }
}
