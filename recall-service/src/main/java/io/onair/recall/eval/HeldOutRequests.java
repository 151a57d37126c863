package io.onair.recall.eval;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.PositiveLabels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The held-out requests of a dataset ({@code ts >= holdoutStart}) that have at least one positive,
 * in time order. Rows of one request are consecutive in impressions.csv and share the request id
 * (or, without request ids, the user, time and scenario). Stateless and thread-safe.
 */
public final class HeldOutRequests {
  private HeldOutRequests() {}

  public static List<HeldOutRequest> of(Dataset dataset, DataWindow window) {
    Dataset.Impressions imp = dataset.impressions();
    float[][] positive = PositiveLabels.byScenario(dataset);
    List<String> scenarios = dataset.manifest().scenarios();
    List<HeldOutRequest> out = new ArrayList<>();
    int i = 0;
    while (i < imp.size()) {
      int j = i + 1;
      while (j < imp.size() && sameRequest(imp, i, j)) {
        j++;
      }
      if (window.isHoldout(imp.ts()[i])) {
        Set<String> positives = new LinkedHashSet<>();
        for (int r = i; r < j; r++) {
          if (PositiveLabels.isPositive(dataset, positive, r)) {
            positives.add(dataset.anchors().id(imp.anchor()[r]));
          }
        }
        if (!positives.isEmpty()) {
          int refer = imp.refer()[i];
          out.add(
              new HeldOutRequest(
                  imp.user()[i],
                  dataset.users().id(imp.user()[i]),
                  scenarios.get(imp.scenario()[i]),
                  refer < 0 ? "" : dataset.anchors().id(refer),
                  imp.ts()[i],
                  positives));
        }
      }
      i = j;
    }
    return out;
  }

  /**
   * One query per user for the user-level protocol: the user's most frequent held-out scenario
   * (ties: the earliest), at the time of the user's first held-out request in it, with that
   * request's refer room; the positives are every anchor positive in any of the user's held-out
   * requests. Users in order of first appearance.
   */
  public static List<HeldOutRequest> perUser(List<HeldOutRequest> requests) {
    java.util.Map<Integer, List<HeldOutRequest>> byUser = new java.util.LinkedHashMap<>();
    for (HeldOutRequest r : requests) {
      byUser.computeIfAbsent(r.user(), u -> new ArrayList<>()).add(r);
    }
    List<HeldOutRequest> out = new ArrayList<>(byUser.size());
    for (List<HeldOutRequest> own : byUser.values()) {
      java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
      for (HeldOutRequest r : own) {
        counts.merge(r.scenario(), 1, Integer::sum);
      }
      String scenario =
          counts.entrySet().stream()
              .max(java.util.Map.Entry.comparingByValue())
              .map(java.util.Map.Entry::getKey)
              .orElseThrow();
      HeldOutRequest first =
          own.stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow();
      Set<String> positives = new LinkedHashSet<>();
      own.forEach(r -> positives.addAll(r.positives()));
      out.add(
          new HeldOutRequest(
              first.user(),
              first.userId(),
              scenario,
              first.referAnchorId(),
              first.time(),
              positives));
    }
    return out;
  }

  private static boolean sameRequest(Dataset.Impressions imp, int a, int b) {
    if (imp.request()[a] != 0 || imp.request()[b] != 0) {
      return imp.request()[a] == imp.request()[b];
    }
    return imp.user()[a] == imp.user()[b]
        && imp.ts()[a] == imp.ts()[b]
        && imp.scenario()[a] == imp.scenario()[b];
  }
}
