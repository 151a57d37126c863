package io.onair.gateway.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a batch or stream of events: counts and the first {@link #MAX_LISTED} rejections.
 */
public record EventAckResult(
    int accepted, int rejected, List<EventRejection> rejections, boolean truncated) {
  /** At most this many rejections are listed. */
  public static final int MAX_LISTED = 1000;

  public EventAckResult {
    rejections = List.copyOf(rejections);
  }

  public static EventAckResult empty() {
    return new EventAckResult(0, 0, List.of(), false);
  }

  /** This result followed by {@code next} (a later part of the same stream). */
  public EventAckResult plus(EventAckResult next) {
    List<EventRejection> listed = new ArrayList<>(rejections);
    boolean cut = truncated || next.truncated;
    for (EventRejection r : next.rejections) {
      if (listed.size() < MAX_LISTED) {
        listed.add(r);
      } else {
        cut = true;
      }
    }
    return new EventAckResult(accepted + next.accepted, rejected + next.rejected, listed, cut);
  }
}
