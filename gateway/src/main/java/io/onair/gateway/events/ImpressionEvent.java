package io.onair.gateway.events;

import static java.util.Objects.requireNonNull;

/** An anchor shown to a user, as received (not yet validated; {@link EventValidator} checks it). */
public record ImpressionEvent(
    String userId,
    String anchorId,
    String scenario,
    String referAnchorId,
    int position,
    String requestId,
    long eventTime) {
  public ImpressionEvent {
    requireNonNull(userId, "userId is null");
    requireNonNull(anchorId, "anchorId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    requireNonNull(requestId, "requestId is null");
  }
}
