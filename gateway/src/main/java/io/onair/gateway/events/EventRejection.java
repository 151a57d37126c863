package io.onair.gateway.events;

import static java.util.Objects.requireNonNull;

/**
 * Why one event was rejected: its 0-based index, the offending field's path ({@code
 * behaviour.value}; empty for the event as a whole) and a readable reason.
 */
public record EventRejection(int index, String field, String reason) {
  public EventRejection {
    requireNonNull(field, "field is null");
    requireNonNull(reason, "reason is null");
  }
}
