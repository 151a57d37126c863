package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.relations.NeighbourTable;
import jakarta.inject.Inject;
import java.util.List;

/**
 * U2A2A: the user's watch history expanded through A2A: {@code score(n) = sum over watched w of
 * weight(w) * sim(w, n)}, over the {@value #SEEDS} heaviest watched anchors; {@code via} is the
 * watched anchor that contributed most. Thread-safe.
 */
public final class SimilarAnchorRoute implements RecallRoute {
  /** Heaviest history entries expanded: bounds the work per request. */
  static final int SEEDS = 50;

  private final RelationTables tables;

  @Inject
  public SimilarAnchorRoute(RelationTables tables) {
    this.tables = requireNonNull(tables, "tables is null");
  }

  @Override
  public String name() {
    return "U2A2A";
  }

  @Override
  public List<RouteCandidate> recall(RouteContext context) {
    NeighbourTable a2a = tables.anchorNeighbours();
    ScoreAccumulator scores = new ScoreAccumulator();
    List<ScoredId> watched = context.user().history(HistoryKind.WATCHED_ANCHORS);
    for (int k = 0; k < Math.min(SEEDS, watched.size()); k++) {
      ScoredId seed = watched.get(k);
      int anchor = tables.anchor(seed.id());
      if (anchor < 0) {
        continue;
      }
      for (int p = a2a.start(anchor); p < a2a.end(anchor); p++) {
        scores.add(a2a.neighbour(p), seed.score() * a2a.score(p), seed.id());
      }
    }
    return scores.top(context.filter(), context.limit());
  }
}
