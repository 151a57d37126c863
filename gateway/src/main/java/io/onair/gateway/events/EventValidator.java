package io.onair.gateway.events;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Checks one event against api.md's rules. Returns the first problem found, or null when the event
 * is valid. Thread-safe.
 */
public final class EventValidator {
  static final int MAX_ID_LENGTH = 256;
  static final int MAX_REQUEST_ID_LENGTH = 128;

  /** How far in the future an event time may be: clients' clocks drift. */
  static final long MAX_FUTURE_SECONDS = 300;

  private final Set<String> scenarios;

  /**
   * @param scenarios the scenarios the server knows
   */
  public EventValidator(Set<String> scenarios) {
    this.scenarios = Set.copyOf(requireNonNull(scenarios, "scenarios is null"));
  }

  /** The problem of {@code event} (index {@code index}) at server time {@code now}, or null. */
  public EventRejection check(IncomingEvent event, int index, long now) {
    String problem;
    if (event.impression() != null) {
      problem = impression(event.impression(), now);
    } else if (event.behaviour() != null) {
      problem = behaviour(event.behaviour(), now);
    } else {
      return new EventRejection(index, "", "the event has no payload (impression or behaviour)");
    }
    if (problem == null) {
      return null;
    }
    int colon = problem.indexOf(": ");
    return new EventRejection(index, problem.substring(0, colon), problem.substring(colon + 2));
  }

  private String impression(ImpressionEvent e, long now) {
    String p = id("impression.user_id", e.userId(), true);
    p = p != null ? p : id("impression.anchor_id", e.anchorId(), true);
    if (p != null) {
      return p;
    }
    if (e.scenario().isEmpty()) {
      return "impression.scenario: required";
    }
    if (!scenarios.contains(e.scenario())) {
      return "impression.scenario: unknown scenario '" + e.scenario() + "'";
    }
    p = id("impression.refer_anchor_id", e.referAnchorId(), false);
    if (p != null) {
      return p;
    }
    if (e.position() < 0) {
      return "impression.position: must not be negative";
    }
    if (e.requestId().length() > MAX_REQUEST_ID_LENGTH) {
      return "impression.request_id: at most " + MAX_REQUEST_ID_LENGTH + " characters";
    }
    return time("impression.event_time", e.eventTime(), now);
  }

  private String behaviour(BehaviourEvent e, long now) {
    String p = id("behaviour.user_id", e.userId(), true);
    if (p != null) {
      return p;
    }
    BehaviourKind type = e.type();
    if (type == null) {
      return "behaviour.type: required (BEHAVIOUR_TYPE_UNSPECIFIED or unknown)";
    }
    p = id("behaviour.anchor_id", e.anchorId(), !type.outsideRoom());
    if (p != null) {
      return p;
    }
    switch (type) {
      case ITEM_CLICK, ITEM_COLLECT -> p = id("behaviour.item_id", e.itemId(), true);
      case BAG_CLICK, CART, PURCHASE -> p = id("behaviour.item_id", e.itemId(), false);
      default -> {
        if (!e.itemId().isEmpty()) {
          p = "behaviour.item_id: must be empty for " + type;
        }
      }
    }
    if (p != null) {
      return p;
    }
    double v = e.value();
    if (!Double.isFinite(v)) {
      return "behaviour.value: must be finite";
    }
    switch (type) {
      case WATCH -> {
        if (v <= 0) {
          return "behaviour.value: must be > 0 for WATCH (seconds watched)";
        }
      }
      case PURCHASE -> {
        if (v < 0) {
          return "behaviour.value: must be >= 0 for PURCHASE (the GMV)";
        }
      }
      default -> {
        if (v != 0) {
          return "behaviour.value: must be 0 for " + type;
        }
      }
    }
    if (!e.scenario().isEmpty() && !scenarios.contains(e.scenario())) {
      return "behaviour.scenario: unknown scenario '" + e.scenario() + "'";
    }
    if (e.requestId().length() > MAX_REQUEST_ID_LENGTH) {
      return "behaviour.request_id: at most " + MAX_REQUEST_ID_LENGTH + " characters";
    }
    return time("behaviour.event_time", e.eventTime(), now);
  }

  private static String id(String field, String value, boolean required) {
    if (required && value.isEmpty()) {
      return field + ": required";
    }
    if (value.length() > MAX_ID_LENGTH) {
      return field + ": at most " + MAX_ID_LENGTH + " characters";
    }
    return null;
  }

  private static String time(String field, long time, long now) {
    if (time < 0) {
      return field + ": must not be negative";
    }
    if (time > now + MAX_FUTURE_SECONDS) {
      return field + ": more than " + MAX_FUTURE_SECONDS + " seconds in the future";
    }
    return null;
  }
}
