package io.onair.recall.merge;

import static java.util.Objects.requireNonNull;

import io.onair.recall.route.RouteCandidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Merges route lists into one list of at most K anchors, de-duplicated, keeping every route that
 * recalled an anchor with its score and rank.
 *
 * <p>The merged score is reciprocal rank fusion, {@code sum over routes r of weight_r / (c +
 * rank_r)}: route scores live on different scales (follow recency, engagement, similarity,
 * popularity), ranks do not, and an anchor found by several routes rises. Places are given in two
 * passes: first every route's first {@code quota} anchors (so one strong route cannot crowd out the
 * others), best merged score first, up to K; then, if places are left, the remaining anchors of
 * every route by merged score. The first pass may exceed K only when the quotas add up to more than
 * K; then the best merged scores among the quota anchors win and the rest are counted as removed by
 * quota.
 *
 * <p>Stateless and thread-safe.
 */
public final class CandidateMerger {
  /** The merge's answer and what it removed. */
  public record Result(
      List<MergedCandidate> candidates,
      int duplicatesMerged,
      int removedByQuota,
      int removedByFilter,
      Map<String, Integer> selectedPerRoute) {}

  private static final Comparator<MergedCandidate> BEST_FIRST =
      Comparator.comparingDouble(MergedCandidate::score)
          .reversed()
          .thenComparingInt(MergedCandidate::anchor);

  private final double fusionConstant;

  public CandidateMerger(double fusionConstant) {
    if (!(fusionConstant >= 0)) {
      throw new IllegalArgumentException("fusionConstant must not be negative");
    }
    this.fusionConstant = fusionConstant;
  }

  /**
   * @param lists the routes' answers, in the order provenance ties are broken
   * @param count K
   * @param allowed the last check before answering (live, not excluded, not recently shown)
   */
  public Result merge(List<RouteList> lists, int count, IntPredicate allowed) {
    requireNonNull(lists, "lists is null");
    requireNonNull(allowed, "allowed is null");
    Map<Integer, List<Provenance>> byAnchor = new LinkedHashMap<>();
    Map<Integer, Boolean> inQuota = new HashMap<>();
    int total = 0;
    int removedByFilter = 0;
    for (RouteList list : lists) {
      List<RouteCandidate> candidates = list.candidates();
      for (int i = 0; i < candidates.size(); i++) {
        RouteCandidate c = candidates.get(i);
        if (!allowed.test(c.anchor())) {
          removedByFilter++;
          continue;
        }
        total++;
        int rank = i + 1;
        double contribution = list.weight() / (fusionConstant + rank);
        byAnchor
            .computeIfAbsent(c.anchor(), a -> new ArrayList<>(2))
            .add(new Provenance(list.route(), c.score(), rank, c.viaId(), contribution));
        if (i < list.quota()) {
          inQuota.put(c.anchor(), true);
        }
      }
    }
    List<MergedCandidate> first = new ArrayList<>();
    List<MergedCandidate> rest = new ArrayList<>();
    byAnchor.forEach(
        (anchor, provenance) -> {
          List<Provenance> sorted = new ArrayList<>(provenance);
          sorted.sort(Comparator.comparingDouble(Provenance::contribution).reversed());
          double score = 0;
          for (Provenance p : sorted) {
            score += p.contribution();
          }
          MergedCandidate merged = new MergedCandidate(anchor, score, sorted);
          (inQuota.containsKey(anchor) ? first : rest).add(merged);
        });
    first.sort(BEST_FIRST);
    rest.sort(BEST_FIRST);
    List<MergedCandidate> out = new ArrayList<>(Math.min(count, byAnchor.size()));
    for (MergedCandidate c : first) {
      if (out.size() == count) {
        break;
      }
      out.add(c);
    }
    for (MergedCandidate c : rest) {
      if (out.size() == count) {
        break;
      }
      out.add(c);
    }
    out.sort(BEST_FIRST);
    int includedRest = out.size() - Math.min(first.size(), count);
    int removedByQuota = rest.size() - includedRest;
    Map<String, Integer> selected = new LinkedHashMap<>();
    for (RouteList list : lists) {
      selected.put(list.route(), 0);
    }
    for (MergedCandidate c : out) {
      for (Provenance p : c.provenance()) {
        selected.merge(p.route(), 1, Integer::sum);
      }
    }
    return new Result(out, total - byAnchor.size(), removedByQuota, removedByFilter, selected);
  }
}
