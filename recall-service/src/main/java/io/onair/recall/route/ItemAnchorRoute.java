package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.relations.NeighbourTable;
import jakarta.inject.Inject;
import java.util.List;

/**
 * U2I2A: the user's product history (click, collect, cart, buy, weighted by action and recency) to
 * the anchors selling those items: {@code score(a) = sum over items i of weight(i) /
 * sqrt(sellers(i))}, over the {@value #SEEDS} heaviest items; {@code via} is the item that
 * contributed most. Thread-safe.
 */
public final class ItemAnchorRoute implements RecallRoute {
  static final int SEEDS = 100;

  private final RelationTables tables;

  @Inject
  public ItemAnchorRoute(RelationTables tables) {
    this.tables = requireNonNull(tables, "tables is null");
  }

  @Override
  public String name() {
    return "U2I2A";
  }

  @Override
  public List<RouteCandidate> recall(RouteContext context) {
    NeighbourTable sellers = tables.itemAnchors();
    ScoreAccumulator scores = new ScoreAccumulator();
    List<ScoredId> items = context.user().history(HistoryKind.ITEMS);
    for (int k = 0; k < Math.min(SEEDS, items.size()); k++) {
      ScoredId seed = items.get(k);
      int item = tables.item(seed.id());
      if (item < 0) {
        continue;
      }
      for (int p = sellers.start(item); p < sellers.end(item); p++) {
        scores.add(sellers.neighbour(p), seed.score() * sellers.score(p), seed.id());
      }
    }
    return scores.top(context.filter(), context.limit());
  }
}
