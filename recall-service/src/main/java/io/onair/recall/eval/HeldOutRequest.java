package io.onair.recall.eval;

import java.util.Set;

/**
 * One held-out request with at least one positive: who asked, where, when, from which refer room,
 * and the anchors that were positives (click, or the 10-second view in swipe).
 */
public record HeldOutRequest(
    int user,
    String userId,
    String scenario,
    String referAnchorId,
    long time,
    Set<String> positives) {
  public HeldOutRequest {
    positives = Set.copyOf(positives);
  }
}
