package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * U2A: the live anchors of the user's watch history, scored by the history's weight (engagement
 * times recency, see {@code UserHistoryBuilder}). Thread-safe.
 */
public final class WatchedAnchorRoute implements RecallRoute {
  private final RelationTables tables;

  @Inject
  public WatchedAnchorRoute(RelationTables tables) {
    this.tables = requireNonNull(tables, "tables is null");
  }

  @Override
  public String name() {
    return "U2A";
  }

  @Override
  public List<RouteCandidate> recall(RouteContext context) {
    List<RouteCandidate> out = new ArrayList<>();
    for (ScoredId watched : context.user().history(HistoryKind.WATCHED_ANCHORS)) {
      int anchor = tables.anchor(watched.id());
      if (anchor >= 0) {
        out.add(new RouteCandidate(anchor, watched.score(), ""));
      }
    }
    return Ranking.top(out, context.filter(), context.limit());
  }
}
