package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import io.onair.relations.NeighbourTable;
import io.onair.relations.PopularityTable;
import io.onair.relations.Relations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The gateway's own popular list, for when recall fails: the relations artifact's popularity table
 * per scenario (the all-scenarios row for a scenario without one), the same table recall's popular
 * route reads, with each anchor's category. The caller passes what may be returned (live, not
 * shown, not excluded). Immutable and thread-safe.
 */
public final class PopularAnchors {
  private final PopularityTable popularity;
  private final List<String> anchorIds;
  private final List<String> categories;
  private final Map<String, Integer> anchorIndex;

  public PopularAnchors(Relations relations) {
    requireNonNull(relations, "relations is null");
    this.popularity = relations.popularity();
    this.anchorIds = relations.anchorIds();
    this.categories = relations.anchorCategories();
    this.anchorIndex = relations.anchorIndex();
  }

  /**
   * The {@code limit} most popular anchors of {@code scenario} that {@code allowed} accepts, best
   * first, each with one {@code popular} provenance.
   */
  public List<Candidate> top(String scenario, int limit, Predicate<String> allowed) {
    NeighbourTable lists = popularity.lists();
    int row = popularity.rowOf(scenario);
    List<Candidate> out = new ArrayList<>(Math.min(limit, 256));
    for (int p = lists.start(row); p < lists.end(row) && out.size() < limit; p++) {
      int anchor = lists.neighbour(p);
      String id = anchorIds.get(anchor);
      if (!allowed.test(id)) {
        continue;
      }
      double score = lists.score(p);
      out.add(
          new Candidate(
              id,
              score,
              categories.get(anchor),
              List.of(new Provenance("popular", score, out.size() + 1, ""))));
    }
    return out;
  }

  /** The category of an anchor, or empty when the artifact does not know it. */
  public String categoryOf(String anchorId) {
    Integer index = anchorIndex.get(anchorId);
    return index == null ? "" : categories.get(index);
  }
}
