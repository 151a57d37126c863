package io.onair.recall.route;

import static java.util.Objects.requireNonNull;

import com.google.inject.name.Named;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.relations.NeighbourTable;
import io.onair.relations.PopularityTable;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * popular: live anchors by popularity in the request's scenario (from the training window), leaning
 * towards the user's categories: {@code score(a) = popularity(a) * (1 + boost *
 * share(category(a)))} where {@code share} is the category's share of the user's follows and watch
 * history (and of the refer room, in swipe). A user without history gets the scenario's plain
 * popularity: this is the cold-start answer and the fallback that fills a short merge. Thread-safe.
 */
public final class PopularRoute implements RecallRoute {
  private final RelationTables tables;
  private final PopularityTable popularity;
  private final double userBoost;
  private final double referBoost;

  @Inject
  public PopularRoute(
      RelationTables tables,
      @Named("popularUserCategoryBoost") double userBoost,
      @Named("popularReferCategoryBoost") double referBoost) {
    this.tables = requireNonNull(tables, "tables is null");
    this.popularity = tables.relations().popularity();
    this.userBoost = userBoost;
    this.referBoost = referBoost;
  }

  @Override
  public String name() {
    return "popular";
  }

  @Override
  public List<RouteCandidate> recall(RouteContext context) {
    double[] share = userBoost > 0 ? categoryShares(context) : new double[tables.categoryCount()];
    int referCategory = context.referAnchor() >= 0 ? tables.categoryOf(context.referAnchor()) : -1;
    NeighbourTable lists = popularity.lists();
    int row = popularity.rowOf(context.scenario());
    double maxBoost = 1 + userBoost * max(share) + (referCategory >= 0 ? referBoost : 0);
    List<RouteCandidate> best = new ArrayList<>();
    double kth = Double.NEGATIVE_INFINITY;
    for (int p = lists.start(row); p < lists.end(row); p++) {
      double pop = lists.score(p);
      if (best.size() >= context.limit() && pop * maxBoost < kth) {
        break; // the list is by popularity: nothing further down can enter the top
      }
      int anchor = lists.neighbour(p);
      if (!context.filter().allows(anchor)) {
        continue;
      }
      int category = tables.categoryOf(anchor);
      double score =
          pop * (1 + userBoost * share[category] + (category == referCategory ? referBoost : 0));
      best.add(new RouteCandidate(anchor, score, ""));
      if (best.size() >= context.limit()) {
        best.sort(Ranking.BEST_FIRST);
        best.subList(context.limit(), best.size()).clear();
        kth = best.get(best.size() - 1).score();
      }
    }
    return Ranking.top(best, context.filter(), context.limit());
  }

  private double[] categoryShares(RouteContext context) {
    double[] share = new double[tables.categoryCount()];
    double total = 0;
    for (ScoredId follow : context.user().history(HistoryKind.FOLLOWS)) {
      int anchor = tables.anchor(follow.id());
      if (anchor >= 0) {
        share[tables.categoryOf(anchor)] += 1;
        total += 1;
      }
    }
    List<ScoredId> watched = context.user().history(HistoryKind.WATCHED_ANCHORS);
    double watchTotal = watched.stream().mapToDouble(ScoredId::score).sum();
    if (watchTotal > 0) {
      // The watch history weighs as much as the follows, whatever its length.
      double scale = Math.max(1, total) / watchTotal;
      for (ScoredId w : watched) {
        int anchor = tables.anchor(w.id());
        if (anchor >= 0) {
          share[tables.categoryOf(anchor)] += w.score() * scale;
        }
      }
      total += Math.max(1, total);
    }
    if (total > 0) {
      for (int c = 0; c < share.length; c++) {
        share[c] /= total;
      }
    }
    return share;
  }

  private static double max(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
