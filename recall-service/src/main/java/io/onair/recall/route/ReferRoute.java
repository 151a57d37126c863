package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import io.onair.relations.NeighbourTable;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * refer: the A2A neighbours of the room the user is in (swipe), scored by their similarity; {@code
 * via} is the refer room. Skipped without a (known) refer room. Thread-safe.
 */
public final class ReferRoute implements RecallRoute {
  private final RelationTables tables;

  @Inject
  public ReferRoute(RelationTables tables) {
    this.tables = requireNonNull(tables, "tables is null");
  }

  @Override
  public String name() {
    return "refer";
  }

  @Override
  public Optional<String> skipReason(RouteContext context) {
    return context.referAnchor() < 0 ? Optional.of("no known refer anchor") : Optional.empty();
  }

  @Override
  public List<RouteCandidate> recall(RouteContext context) {
    NeighbourTable a2a = tables.anchorNeighbours();
    int refer = context.referAnchor();
    String via = tables.anchorId(refer);
    List<RouteCandidate> out = new ArrayList<>();
    for (int p = a2a.start(refer); p < a2a.end(refer); p++) {
      out.add(new RouteCandidate(a2a.neighbour(p), a2a.score(p), via));
    }
    return Ranking.top(out, context.filter(), context.limit());
  }
}
