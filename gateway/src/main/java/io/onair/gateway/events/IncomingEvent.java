package io.onair.gateway.events;

/**
 * One event as received: an impression or a behaviour; both null when the client set no payload
 * (rejected). Never both.
 */
public record IncomingEvent(ImpressionEvent impression, BehaviourEvent behaviour) {
  public IncomingEvent {
    if (impression != null && behaviour != null) {
      throw new IllegalArgumentException("an event holds an impression or a behaviour, not both");
    }
  }

  public static IncomingEvent of(ImpressionEvent impression) {
    return new IncomingEvent(impression, null);
  }

  public static IncomingEvent of(BehaviourEvent behaviour) {
    return new IncomingEvent(null, behaviour);
  }
}
