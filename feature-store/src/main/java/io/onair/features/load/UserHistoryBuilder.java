package io.onair.features.load;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.ItemAction;
import io.onair.dataset.PositiveLabels;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds each user's histories from the training part of a dataset, the way the recall routes read
 * them:
 *
 * <ul>
 *   <li>follows: every follow before the cut-off, scored by its time;
 *   <li>watched anchors: every positive impression ({@link PositiveLabels}), weighted by engagement
 *       {@code 1 + ln(1 + watch_seconds / 60) + 0.5 * (other positive binary targets)} and by
 *       recency {@code 2^(-(cutoff - ts) / 3 days)}, summed per anchor;
 *   <li>items: click 1, collect 2, cart 3, buy 4, times the recency {@code 2^(-(cutoff - ts) / 7
 *       days)}, summed per item.
 * </ul>
 *
 * Events at or after the window's held-out start are never used. Stateless and thread-safe.
 */
public final class UserHistoryBuilder {
  static final double WATCH_HALF_LIFE_SECONDS = 3 * 86_400;
  static final double ITEM_HALF_LIFE_SECONDS = 7 * 86_400;
  private static final double[] ITEM_ACTION_WEIGHT = {1, 2, 3, 4};

  /** Engagement of the positive impression itself (the entry into the room). */
  public static final double ENTRY_ENGAGEMENT = 1;

  /** Engagement added by each other positive binary target (like, comment, follow, ...). */
  public static final double OTHER_TARGET_ENGAGEMENT = 0.5;

  private UserHistoryBuilder() {}

  /** Engagement added by {@code seconds} watched: {@code ln(1 + seconds / 60)}. */
  public static double watchEngagement(double seconds) {
    return Math.log1p(seconds / 60.0);
  }

  /**
   * The recency factor of a watch event at {@code ts} for histories scored at {@code reference}:
   * {@code 2^(-(reference - ts) / 3 days)}. Above 1 for events after the reference, which is how a
   * live event added to a history built offline keeps the order the offline scoring would give
   * (forward decay: every score is relative to the same reference time).
   */
  public static double watchRecency(long ts, long reference) {
    return Math.pow(2, -(reference - ts) / WATCH_HALF_LIFE_SECONDS);
  }

  /**
   * The weight of one product action at {@code ts} for histories scored at {@code reference}: click
   * 1, collect 2, cart 3, buy 4, times {@code 2^(-(reference - ts) / 7 days)}.
   */
  public static double itemActionWeight(ItemAction action, long ts, long reference) {
    requireNonNull(action, "action is null");
    return ITEM_ACTION_WEIGHT[action.ordinal()]
        * Math.pow(2, -(reference - ts) / ITEM_HALF_LIFE_SECONDS);
  }

  /** The histories of every user with at least one event, for all three kinds. */
  public static List<UserHistory> build(Dataset dataset, DataWindow window) {
    requireNonNull(dataset, "dataset is null");
    requireNonNull(window, "window is null");
    long cutoff = window.holdoutStart();
    List<Map<Integer, Double>> follows = perUser(dataset.userCount());
    List<Map<Integer, Double>> watched = perUser(dataset.userCount());
    List<Map<Integer, Double>> items = perUser(dataset.userCount());

    Dataset.Follows f = dataset.follows();
    for (int i = 0; i < f.size(); i++) {
      if (f.ts()[i] < cutoff) {
        follows.get(f.user()[i]).merge(f.anchor()[i], (double) f.ts()[i], Math::max);
      }
    }

    Dataset.Impressions imp = dataset.impressions();
    TargetGraph targets = dataset.targets();
    float[][] positive = PositiveLabels.byScenario(dataset);
    int watch = targets.indexOf("watch_seconds");
    List<Integer> others = new ArrayList<>();
    for (int t = 1; t < targets.size(); t++) {
      if (t != watch && targets.target(t).kind() == TargetKind.BINARY) {
        others.add(t);
      }
    }
    float[][] labels = imp.labels();
    for (int i = 0; i < imp.size(); i++) {
      long ts = imp.ts()[i];
      if (ts >= cutoff || !PositiveLabels.isPositive(dataset, positive, i)) {
        continue;
      }
      double engagement = ENTRY_ENGAGEMENT;
      if (watch >= 0) {
        engagement += watchEngagement(labels[watch][i]);
      }
      for (int t : others) {
        engagement += OTHER_TARGET_ENGAGEMENT * labels[t][i];
      }
      double recency = watchRecency(ts, cutoff);
      watched.get(imp.user()[i]).merge(imp.anchor()[i], engagement * recency, Double::sum);
    }

    Dataset.ItemEvents e = dataset.itemEvents();
    for (int i = 0; i < e.size(); i++) {
      long ts = e.ts()[i];
      if (ts >= cutoff) {
        continue;
      }
      double weight = itemActionWeight(ItemAction.of(e.action()[i]), ts, cutoff);
      items.get(e.user()[i]).merge(e.item()[i], weight, Double::sum);
    }

    List<UserHistory> histories = new ArrayList<>();
    for (int u = 0; u < dataset.userCount(); u++) {
      String user = dataset.users().id(u);
      add(histories, user, HistoryKind.FOLLOWS, follows.get(u), dataset.anchors()::id);
      add(histories, user, HistoryKind.WATCHED_ANCHORS, watched.get(u), dataset.anchors()::id);
      add(histories, user, HistoryKind.ITEMS, items.get(u), dataset.items()::id);
    }
    return histories;
  }

  private static List<Map<Integer, Double>> perUser(int users) {
    List<Map<Integer, Double>> maps = new ArrayList<>(users);
    for (int u = 0; u < users; u++) {
      maps.add(new HashMap<>(4));
    }
    return maps;
  }

  private static void add(
      List<UserHistory> out,
      String user,
      HistoryKind kind,
      Map<Integer, Double> scores,
      java.util.function.IntFunction<String> ids) {
    if (scores.isEmpty()) {
      return;
    }
    List<ScoredId> entries = new ArrayList<>(scores.size());
    scores.forEach((id, score) -> entries.add(new ScoredId(ids.apply(id), score)));
    entries.sort(
        Comparator.comparingDouble(ScoredId::score).reversed().thenComparing(ScoredId::id));
    out.add(new UserHistory(user, kind, entries));
  }
}
