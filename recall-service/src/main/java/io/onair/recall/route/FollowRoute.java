package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * U2F: the live anchors the user follows, most recently followed first, scored {@code 1 / (1 + days
 * since the follow)}. Thread-safe.
 */
public final class FollowRoute implements RecallRoute {
  private final RelationTables tables;

  @Inject
  public FollowRoute(RelationTables tables) {
    this.tables = requireNonNull(tables, "tables is null");
  }

  @Override
  public String name() {
    return "U2F";
  }

  @Override
  public List<RouteCandidate> recall(RouteContext context) {
    List<RouteCandidate> out = new ArrayList<>();
    for (ScoredId follow : context.user().history(HistoryKind.FOLLOWS)) {
      int anchor = tables.anchor(follow.id());
      if (anchor >= 0) {
        double days = Math.max(0, context.requestTime() - follow.score()) / 86_400.0;
        out.add(new RouteCandidate(anchor, 1 / (1 + days), ""));
      }
    }
    return Ranking.top(out, context.filter(), context.limit());
  }
}
