package io.onair.pretrain.eval;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.PositiveLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened on the held-out days, as recall evaluation counts it (contracts.md section 4): the
 * positives (click, or the 10-second view in swipe: {@link PositiveLabels}) of every held-out
 * request, and per user the distinct anchors positive in any of them. Immutable by contract.
 *
 * @param users the test users (dataset indexes, at least one held-out positive), in order of first
 *     appearance
 * @param positives each test user's distinct positive anchors
 * @param requests the held-out requests with a positive, in time order
 */
public record HeldOutPositives(int[] users, List<int[]> positives, List<Request> requests) {
  /** One held-out request with at least one positive. */
  public record Request(int user, long ts, int[] positives) {}

  public HeldOutPositives {
    requireNonNull(users, "users is null");
    positives = List.copyOf(requireNonNull(positives, "positives is null"));
    requests = List.copyOf(requireNonNull(requests, "requests is null"));
  }

  public static HeldOutPositives of(Dataset dataset, DataWindow window) {
    Dataset.Impressions imp = dataset.impressions();
    float[][] positive = PositiveLabels.byScenario(dataset);
    Map<Integer, Set<Integer>> byUser = new LinkedHashMap<>();
    List<Request> requests = new ArrayList<>();
    int i = 0;
    while (i < imp.size()) {
      int j = i + 1;
      while (j < imp.size() && sameRequest(imp, i, j)) {
        j++;
      }
      if (window.isHoldout(imp.ts()[i])) {
        Set<Integer> own = new LinkedHashSet<>();
        for (int r = i; r < j; r++) {
          if (PositiveLabels.isPositive(dataset, positive, r)) {
            own.add(imp.anchor()[r]);
          }
        }
        if (!own.isEmpty()) {
          int user = imp.user()[i];
          byUser.computeIfAbsent(user, u -> new LinkedHashSet<>()).addAll(own);
          requests.add(
              new Request(user, imp.ts()[i], own.stream().mapToInt(Integer::intValue).toArray()));
        }
      }
      i = j;
    }
    int[] users = byUser.keySet().stream().mapToInt(Integer::intValue).toArray();
    List<int[]> positives = new ArrayList<>(users.length);
    for (int u : users) {
      positives.add(byUser.get(u).stream().mapToInt(Integer::intValue).toArray());
    }
    return new HeldOutPositives(users, positives, requests);
  }

  /** Rows of one request are consecutive and share the request id (or user, time and scenario). */
  private static boolean sameRequest(Dataset.Impressions imp, int a, int b) {
    if (imp.request()[a] != 0 || imp.request()[b] != 0) {
      return imp.request()[a] == imp.request()[b];
    }
    return imp.user()[a] == imp.user()[b]
        && imp.ts()[a] == imp.ts()[b]
        && imp.scenario()[a] == imp.scenario()[b];
  }
}
