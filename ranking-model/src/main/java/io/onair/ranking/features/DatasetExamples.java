package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.Dataset;
import io.onair.dataset.PositiveLabels;
import io.onair.dataset.progress.Progress;
import java.util.Arrays;

/**
 * Encodes every impression of a dataset with the {@link FeatureEncoder}, building each row's
 * history causally: the recent clicks, item events and follows that the row sees are those strictly
 * before its time (rows of the same second, such as one request's slate, do not see each other), as
 * the online feature store would have them. The real-time anchor statistics are replayed the same
 * way ({@link OfflineActivity}): each row sees the rooms' activity before the minute of its time.
 * Stateless; one call per dataset.
 */
public final class DatasetExamples {
  private DatasetExamples() {}

  /** Encodes all impressions of {@code dataset}, in time order. */
  public static EncodedExamples encode(
      Dataset dataset, FeatureVocabulary vocabulary, FeatureLayout layout, Progress progress) {
    requireNonNull(dataset, "dataset is null");
    requireNonNull(vocabulary, "vocabulary is null");
    requireNonNull(layout, "layout is null");
    requireNonNull(progress, "progress is null");
    Dataset.Impressions impressions = dataset.impressions();
    int rows = impressions.size();
    int history = layout.historyLength();
    int[] order = timeOrder(impressions.ts());
    int users = dataset.userCount();
    UserProfiles profiles = UserProfiles.of(dataset, vocabulary);
    CandidateFeatures[] candidates = new CandidateFeatures[dataset.anchorCount() + 1];
    for (int code = 0; code < candidates.length; code++) {
      candidates[code] = vocabulary.candidate(code);
    }
    RecentRing clicks = new RecentRing(users, history);
    RecentRing itemCategories = new RecentRing(users, history);
    int[][] followed = new int[users][];
    Arrays.fill(followed, new int[0]);

    Dataset.Follows follows = dataset.follows();
    int[] followOrder = timeOrder(follows.ts());
    Dataset.ItemEvents events = dataset.itemEvents();
    int[] eventOrder = timeOrder(events.ts());
    int nextFollow = 0;
    int nextEvent = 0;
    // the same positives as the online watched-anchor history (click / 10-second view in swipe)
    float[][] positive = PositiveLabels.byScenario(dataset);
    boolean live = layout.hasLiveStatistics();
    OfflineActivity activity = new OfflineActivity(dataset);

    EncodedBatch batch = new EncodedBatch(layout, Math.max(1, rows));
    FeatureEncoder encoder = new FeatureEncoder(layout);
    int targets = dataset.targets().size();
    float[][] labels = new float[targets][rows];
    float[][] truth = dataset.truth().map(t -> new float[t.length][]).orElse(null);
    if (truth != null) {
      for (int t = 0; t < truth.length; t++) {
        truth[t] = dataset.truth().get()[t] == null ? null : new float[rows];
      }
    }
    byte[] referLikedByRow = dataset.referInterest().map(r -> r.liked()).orElse(null);
    byte[] referLiked = referLikedByRow == null ? null : new byte[rows];
    int[] userColumn = new int[rows];
    long[] timestamps = new long[rows];
    progress.start("encoding features", rows, "rows");
    int pendingStart = 0;
    for (int position = 0; position < rows; position++) {
      int row = order[position];
      long ts = impressions.ts()[row];
      if (position > 0 && impressions.ts()[order[position - 1]] != ts) {
        // the previous second is over: its clicks become history
        for (int p = pendingStart; p < position; p++) {
          int r = order[p];
          if (PositiveLabels.isPositive(dataset, positive, r)) {
            clicks.push(impressions.user()[r], impressions.anchor()[r] + 1);
          }
          if (live) {
            activity.record(r);
          }
        }
        pendingStart = position;
      }
      while (nextFollow < followOrder.length && follows.ts()[followOrder[nextFollow]] < ts) {
        int f = followOrder[nextFollow++];
        followed[follows.user()[f]] =
            insertSorted(followed[follows.user()[f]], follows.anchor()[f] + 1);
      }
      while (nextEvent < eventOrder.length && events.ts()[eventOrder[nextEvent]] < ts) {
        int e = eventOrder[nextEvent++];
        itemCategories.push(events.user()[e], vocabulary.itemCategory(events.item()[e] + 1));
      }
      int user = impressions.user()[row];
      int[] recent = clicks.newestFirst(user);
      int[] recentCategories = new int[recent.length];
      for (int i = 0; i < recent.length; i++) {
        recentCategories[i] = vocabulary.anchorCategory(recent[i]);
      }
      int refer = impressions.refer()[row] + 1;
      ContextFeatures context =
          new ContextFeatures(
              user + 1,
              profiles.categorical(user),
              profiles.numeric(user),
              impressions.scenario()[row],
              (int) Math.floorMod(ts, 86_400L) / 3600,
              refer,
              vocabulary.anchorCategory(refer),
              recent,
              recentCategories,
              itemCategories.newestFirst(user),
              followed[user]);
      int anchor = impressions.anchor()[row];
      encoder.encode(
          context,
          candidates[anchor + 1],
          live ? activity.activity(anchor, ts) : LiveActivity.none(ts),
          batch);
      for (int t = 0; t < targets; t++) {
        labels[t][position] = impressions.labels()[t][row];
        if (truth != null && truth[t] != null) {
          truth[t][position] = dataset.truth().get()[t][row];
        }
      }
      if (referLiked != null) {
        referLiked[position] = referLikedByRow[row];
      }
      userColumn[position] = user;
      timestamps[position] = ts;
      if ((position & 0xFFFF) == 0) {
        progress.advance(Math.min(0x10000, rows - position));
      }
    }
    progress.finish(
        rows
            + " rows, "
            + layout.idsWidth()
            + " ids and "
            + layout.numericWidth()
            + " numbers per row");
    return new EncodedExamples(
        layout,
        dataset.targets(),
        dataset.manifest().scenarios(),
        batch,
        labels,
        truth,
        userColumn,
        timestamps,
        referLiked);
  }

  /** Row indices sorted by time, ties in file order. */
  static int[] timeOrder(long[] ts) {
    boolean sorted = true;
    for (int i = 0; i < ts.length; i++) {
      if (i > 0 && ts[i] < ts[i - 1]) {
        sorted = false;
      }
    }
    int[] order = new int[ts.length];
    if (sorted) {
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      return order;
    }
    Integer[] boxed = new Integer[ts.length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(
        boxed, (a, b) -> ts[a] != ts[b] ? Long.compare(ts[a], ts[b]) : Integer.compare(a, b));
    for (int i = 0; i < order.length; i++) {
      order[i] = boxed[i];
    }
    return order;
  }

  private static int[] insertSorted(int[] values, int value) {
    int at = Arrays.binarySearch(values, value);
    if (at >= 0) {
      return values;
    }
    int insert = -at - 1;
    int[] grown = new int[values.length + 1];
    System.arraycopy(values, 0, grown, 0, insert);
    grown[insert] = value;
    System.arraycopy(values, insert, grown, insert + 1, values.length - insert);
    return grown;
  }

  /** The last {@code capacity} codes pushed per user, in a ring. */
  private static final class RecentRing {
    private final int capacity;
    private final int[] values;
    private final int[] count;
    private final int[] next;

    RecentRing(int users, int capacity) {
      this.capacity = capacity;
      this.values = new int[users * capacity];
      this.count = new int[users];
      this.next = new int[users];
    }

    void push(int user, int code) {
      if (code <= 0) {
        return;
      }
      values[user * capacity + next[user]] = code;
      next[user] = (next[user] + 1) % capacity;
      count[user] = Math.min(capacity, count[user] + 1);
    }

    int[] newestFirst(int user) {
      int n = count[user];
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = values[user * capacity + Math.floorMod(next[user] - 1 - i, capacity)];
      }
      return out;
    }
  }
}
