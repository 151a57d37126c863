package io.onair.pretrain.sequences;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserHistory;
import io.onair.features.load.UserHistoryBuilder;
import io.onair.relations.NeighbourTable;
import io.onair.relations.Relations;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the per-modality sequences the way the recall routes see a user: the histories come from
 * {@link UserHistoryBuilder} (the one implementation the relations job and {@code onair features
 * load} use) as of the cut time, and the expanded modalities score anchors exactly as the routes of
 * the recall service do over the relations' A2A, I2I and item-to-anchor tables (same seed counts),
 * keeping the best {@code L}:
 *
 * <ul>
 *   <li>profile: the user's profile tokens;
 *   <li>U2F: followed anchors, most recent first (FollowRoute);
 *   <li>U2A: watched anchors by engagement times recency (WatchedAnchorRoute);
 *   <li>U2A2A: {@code sum over the 50 heaviest watched w of weight(w) sim(w, n)}
 *       (SimilarAnchorRoute);
 *   <li>U2I2A: {@code sum over the 100 heaviest items i of weight(i) / sqrt(sellers(i))}
 *       (ItemAnchorRoute);
 *   <li>U2I2I2A: {@code sum over the 50 heaviest items i, neighbours j of weight(i) sim(i, j) /
 *       sqrt(sellers(j))} (SimilarItemAnchorRoute).
 * </ul>
 *
 * The relations must index anchors and items as the dataset does. Stateless apart from scratch
 * buffers: one instance per thread.
 */
public final class SequenceBuilder {
  /** Seeds expanded by U2A2A, as SimilarAnchorRoute. */
  static final int A2A_SEEDS = 50;

  /** Seeds expanded by U2I2A, as ItemAnchorRoute. */
  static final int ITEM_SEEDS = 100;

  /** Seeds expanded by U2I2I2A, as SimilarItemAnchorRoute. */
  static final int I2I_SEEDS = 50;

  /** History entries a user keeps in the feature store (FeatureStoreConfig's default). */
  static final int HISTORY_MAX_LENGTH = 200;

  private final Dataset dataset;
  private final Relations relations;
  private final TokenSpace space;
  private final int length;
  private final double[] accumulator;
  private final int[] touched;

  /**
   * @param length the number of elements per sequence, {@code L}
   * @throws IllegalArgumentException when the relations were built from another dataset
   */
  public SequenceBuilder(Dataset dataset, Relations relations, TokenSpace space, int length) {
    this.dataset = requireNonNull(dataset, "dataset is null");
    this.relations = requireNonNull(relations, "relations is null");
    this.space = requireNonNull(space, "space is null");
    if (length < 1 || length > 1000) {
      throw new IllegalArgumentException("the sequence length must be 1 to 1000, got " + length);
    }
    if (!relations.anchorIds().equals(dataset.anchors().ids())
        || !relations.itemIds().equals(dataset.items().ids())) {
      throw new IllegalArgumentException(
          "the relations index other anchors or items than dataset '"
              + dataset.manifest().name()
              + "'; run onair relations on this dataset");
    }
    this.length = length;
    this.accumulator = new double[dataset.anchorCount()];
    this.touched = new int[dataset.anchorCount()];
  }

  /** {@code L + 1}: the modality token and {@code L} elements. */
  public int width() {
    return length + 1;
  }

  /**
   * The sequences of {@code users} (dataset user indexes) from the events before {@code cut}.
   *
   * @param window the dataset's window (its start and end bound the cut)
   */
  public ModalitySequences build(DataWindow window, long cut, int[] users) {
    requireNonNull(window, "window is null");
    requireNonNull(users, "users is null");
    DataWindow asOfCut = new DataWindow(window.start(), window.end(), cut, window.holdoutDays());
    List<UserHistory> histories = UserHistoryBuilder.build(dataset, asOfCut);
    int userCount = dataset.userCount();
    int[][] follows = new int[userCount][];
    int[][] watched = new int[userCount][];
    double[][] watchedWeight = new double[userCount][];
    int[][] items = new int[userCount][];
    double[][] itemWeight = new double[userCount][];
    for (UserHistory h : histories) {
      int u = dataset.users().indexOf(h.userId());
      boolean isItem = h.kind() == HistoryKind.ITEMS;
      int n = Math.min(h.entries().size(), HISTORY_MAX_LENGTH);
      int[] ids = new int[n];
      double[] weights = new double[n];
      for (int k = 0; k < n; k++) {
        ScoredId e = h.entries().get(k);
        ids[k] = isItem ? dataset.items().indexOf(e.id()) : dataset.anchors().indexOf(e.id());
        weights[k] = e.score();
      }
      switch (h.kind()) {
        case FOLLOWS -> follows[u] = ids;
        case WATCHED_ANCHORS -> {
          watched[u] = ids;
          watchedWeight[u] = weights;
        }
        case ITEMS -> {
          items[u] = ids;
          itemWeight[u] = weights;
        }
        default -> {}
      }
    }
    int width = width();
    int rowWidth = Modality.count() * width;
    int[] tokens = new int[users.length * rowWidth];
    for (int r = 0; r < users.length; r++) {
      int u = users[r];
      int base = r * rowWidth;
      for (Modality m : Modality.values()) {
        tokens[base + m.ordinal() * width] = space.modalityToken(m);
      }
      int[] profile = space.profileTokensOf(u);
      System.arraycopy(
          profile,
          0,
          tokens,
          base + Modality.PROFILE.ordinal() * width + 1,
          Math.min(profile.length, length));
      copyAnchors(follows[u], tokens, base + Modality.U2F.ordinal() * width + 1);
      copyAnchors(watched[u], tokens, base + Modality.U2A.ordinal() * width + 1);
      if (watched[u] != null) {
        similarAnchors(
            watched[u], watchedWeight[u], tokens, base + Modality.U2A2A.ordinal() * width + 1);
      }
      if (items[u] != null) {
        itemAnchors(items[u], itemWeight[u], tokens, base + Modality.U2I2A.ordinal() * width + 1);
        similarItemAnchors(
            items[u], itemWeight[u], tokens, base + Modality.U2I2I2A.ordinal() * width + 1);
      }
    }
    return new ModalitySequences(users.clone(), tokens, width, cut);
  }

  private void copyAnchors(int[] anchors, int[] tokens, int at) {
    if (anchors == null) {
      return;
    }
    for (int k = 0; k < Math.min(anchors.length, length); k++) {
      tokens[at + k] = space.anchorToken(anchors[k]);
    }
  }

  private void similarAnchors(int[] seeds, double[] weights, int[] tokens, int at) {
    NeighbourTable a2a = relations.anchorNeighbours();
    int count = 0;
    for (int k = 0; k < Math.min(A2A_SEEDS, seeds.length); k++) {
      int anchor = seeds[k];
      for (int p = a2a.start(anchor); p < a2a.end(anchor); p++) {
        count = add(count, a2a.neighbour(p), weights[k] * a2a.score(p));
      }
    }
    emit(count, tokens, at);
  }

  private void itemAnchors(int[] seeds, double[] weights, int[] tokens, int at) {
    NeighbourTable sellers = relations.itemAnchors();
    int count = 0;
    for (int k = 0; k < Math.min(ITEM_SEEDS, seeds.length); k++) {
      int item = seeds[k];
      for (int p = sellers.start(item); p < sellers.end(item); p++) {
        count = add(count, sellers.neighbour(p), weights[k] * sellers.score(p));
      }
    }
    emit(count, tokens, at);
  }

  private void similarItemAnchors(int[] seeds, double[] weights, int[] tokens, int at) {
    NeighbourTable i2i = relations.itemNeighbours();
    NeighbourTable sellers = relations.itemAnchors();
    int count = 0;
    for (int k = 0; k < Math.min(I2I_SEEDS, seeds.length); k++) {
      int item = seeds[k];
      for (int p = i2i.start(item); p < i2i.end(item); p++) {
        int similar = i2i.neighbour(p);
        double weight = weights[k] * i2i.score(p);
        for (int q = sellers.start(similar); q < sellers.end(similar); q++) {
          count = add(count, sellers.neighbour(q), weight * sellers.score(q));
        }
      }
    }
    emit(count, tokens, at);
  }

  private int add(int count, int anchor, double score) {
    if (accumulator[anchor] == 0) {
      touched[count++] = anchor;
    }
    accumulator[anchor] += score;
    if (accumulator[anchor] == 0) {
      // keep a touched anchor distinguishable from an untouched one
      accumulator[anchor] = Double.MIN_VALUE;
    }
    return count;
  }

  /** Writes the best {@code L} accumulated anchors (ties: smaller index) and clears the scratch. */
  private void emit(int count, int[] tokens, int at) {
    Integer[] order = new Integer[count];
    for (int k = 0; k < count; k++) {
      order[k] = touched[k];
    }
    Arrays.sort(
        order,
        (x, y) ->
            accumulator[x] != accumulator[y]
                ? Double.compare(accumulator[y], accumulator[x])
                : Integer.compare(x, y));
    for (int k = 0; k < Math.min(count, length); k++) {
      tokens[at + k] = space.anchorToken(order[k]);
    }
    for (int k = 0; k < count; k++) {
      accumulator[touched[k]] = 0;
    }
  }
}
