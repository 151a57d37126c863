package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.relations.NeighbourTable;
import jakarta.inject.Inject;
import java.util.List;

/**
 * U2I2I2A: the user's product history expanded through I2I, then to the anchors selling the similar
 * items: {@code score(a) = sum over items i, neighbours j of weight(i) * sim(i, j) /
 * sqrt(sellers(j))}, over the {@value #SEEDS} heaviest items; {@code via} is the history item that
 * contributed most. Thread-safe.
 */
public final class SimilarItemAnchorRoute implements RecallRoute {
  static final int SEEDS = 50;

  private final RelationTables tables;

  @Inject
  public SimilarItemAnchorRoute(RelationTables tables) {
    this.tables = requireNonNull(tables, "tables is null");
  }

  @Override
  public String name() {
    return "U2I2I2A";
  }

  @Override
  public List<RouteCandidate> recall(RouteContext context) {
    NeighbourTable i2i = tables.itemNeighbours();
    NeighbourTable sellers = tables.itemAnchors();
    ScoreAccumulator scores = new ScoreAccumulator();
    List<ScoredId> items = context.user().history(HistoryKind.ITEMS);
    for (int k = 0; k < Math.min(SEEDS, items.size()); k++) {
      ScoredId seed = items.get(k);
      int item = tables.item(seed.id());
      if (item < 0) {
        continue;
      }
      for (int p = i2i.start(item); p < i2i.end(item); p++) {
        int similar = i2i.neighbour(p);
        double weight = seed.score() * i2i.score(p);
        for (int q = sellers.start(similar); q < sellers.end(similar); q++) {
          scores.add(sellers.neighbour(q), weight * sellers.score(q), seed.id());
        }
      }
    }
    return scores.top(context.filter(), context.limit());
  }
}
