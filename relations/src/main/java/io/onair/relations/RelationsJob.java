package io.onair.relations;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.PositiveLabels;
import io.onair.dataset.progress.Progress;
import io.onair.features.UserHistory;
import io.onair.features.load.UserHistoryBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations job: everything the recall routes need that is computed offline, from the training
 * part of the window only ({@code ts < holdoutStart}):
 *
 * <ul>
 *   <li>A2A by {@link ItemCf} over co-watching baskets (the rooms a user entered: click, or the
 *       10-second view in swipe, see {@link PositiveLabels});
 *   <li>I2I by {@link ItemCf} over co-interaction baskets (items a user clicked, collected, carted
 *       or bought);
 *   <li>item to anchors, from {@code anchor_items.csv}, scored {@code 1 / sqrt(sellers)} so that an
 *       item sold by one room points at it more strongly than a brand item sold by many;
 *   <li>popularity per scenario (and over all scenarios): positive impressions weighted by recency;
 *   <li>the per-user histories, by {@link UserHistoryBuilder} (the one implementation, also used by
 *       {@code onair features load}).
 * </ul>
 *
 * Stateless and thread-safe; the result depends only on its inputs.
 */
public final class RelationsJob {
  private RelationsJob() {}

  /** The relations and the user histories of one build. */
  public record Build(Relations relations, List<UserHistory> histories) {}

  public static Build run(
      Dataset dataset, DataWindow window, RelationsConfig config, Progress progress) {
    requireNonNull(dataset, "dataset is null");
    requireNonNull(window, "window is null");
    requireNonNull(config, "config is null");
    requireNonNull(progress, "progress is null");

    List<int[]> watchBaskets = anchorBaskets(dataset, window, config.maxBasket());
    NeighbourTable a2a =
        ItemCf.similarities(
            watchBaskets,
            dataset.anchorCount(),
            config.anchorNeighbours(),
            progress,
            "A2A (co-watching item-CF)");
    List<int[]> itemBaskets = itemBaskets(dataset, window, config.maxBasket());
    NeighbourTable i2i =
        ItemCf.similarities(
            itemBaskets,
            dataset.itemCount(),
            config.itemNeighbours(),
            progress,
            "I2I (co-interaction item-CF)");
    NeighbourTable itemAnchors = itemAnchors(dataset, window);
    PopularityTable popularity = popularity(dataset, window, config.popularityHalfLifeDays());

    progress.start("user histories", dataset.userCount(), "users");
    List<UserHistory> histories = UserHistoryBuilder.build(dataset, window);
    progress.advance(dataset.userCount());
    progress.finish(histories.size() + " histories");

    List<String> categories = new ArrayList<>(dataset.anchorCount());
    for (int a = 0; a < dataset.anchorCount(); a++) {
      categories.add(dataset.categories().id(dataset.anchorCategory()[a]));
    }
    String version =
        version(dataset.manifest().name(), window, config, a2a, i2i, itemAnchors, popularity);
    Relations relations =
        new Relations(
            version,
            dataset.manifest().name(),
            dataset.directory().toAbsolutePath().normalize().toString(),
            window,
            dataset.liveSchedule().isEmpty(),
            dataset.manifest().scenarios(),
            dataset.anchors().ids(),
            categories,
            dataset.items().ids(),
            a2a,
            i2i,
            itemAnchors,
            popularity);
    return new Build(relations, histories);
  }

  /** Per user, the distinct anchors entered before the cut-off, most recent first, capped. */
  static List<int[]> anchorBaskets(Dataset dataset, DataWindow window, int maxBasket) {
    Dataset.Impressions imp = dataset.impressions();
    float[][] positive = PositiveLabels.byScenario(dataset);
    int[] count = new int[dataset.userCount()];
    for (int i = 0; i < imp.size(); i++) {
      if (window.isTraining(imp.ts()[i]) && PositiveLabels.isPositive(dataset, positive, i)) {
        count[imp.user()[i]]++;
      }
    }
    int[][] events = new int[dataset.userCount()][];
    long[][] times = new long[dataset.userCount()][];
    for (int u = 0; u < count.length; u++) {
      events[u] = new int[count[u]];
      times[u] = new long[count[u]];
      count[u] = 0;
    }
    for (int i = 0; i < imp.size(); i++) {
      if (window.isTraining(imp.ts()[i]) && PositiveLabels.isPositive(dataset, positive, i)) {
        int u = imp.user()[i];
        events[u][count[u]] = imp.anchor()[i];
        times[u][count[u]++] = imp.ts()[i];
      }
    }
    return recentDistinct(events, times, dataset.anchorCount(), maxBasket);
  }

  /** Per user, the distinct items interacted with before the cut-off, most recent first, capped. */
  static List<int[]> itemBaskets(Dataset dataset, DataWindow window, int maxBasket) {
    Dataset.ItemEvents e = dataset.itemEvents();
    int[] count = new int[dataset.userCount()];
    for (int i = 0; i < e.size(); i++) {
      if (window.isTraining(e.ts()[i])) {
        count[e.user()[i]]++;
      }
    }
    int[][] events = new int[dataset.userCount()][];
    long[][] times = new long[dataset.userCount()][];
    for (int u = 0; u < count.length; u++) {
      events[u] = new int[count[u]];
      times[u] = new long[count[u]];
      count[u] = 0;
    }
    for (int i = 0; i < e.size(); i++) {
      if (window.isTraining(e.ts()[i])) {
        int u = e.user()[i];
        events[u][count[u]] = e.item()[i];
        times[u][count[u]++] = e.ts()[i];
      }
    }
    return recentDistinct(events, times, dataset.itemCount(), maxBasket);
  }

  private static List<int[]> recentDistinct(
      int[][] events, long[][] times, int idCount, int maxBasket) {
    List<int[]> baskets = new ArrayList<>(events.length);
    boolean[] seen = new boolean[idCount];
    for (int u = 0; u < events.length; u++) {
      int n = events[u].length;
      Integer[] order = new Integer[n];
      for (int k = 0; k < n; k++) {
        order[k] = k;
      }
      long[] t = times[u];
      int[] ids = events[u];
      Arrays.sort(
          order,
          (x, y) -> t[x] != t[y] ? Long.compare(t[y], t[x]) : Integer.compare(ids[x], ids[y]));
      int[] basket = new int[Math.min(n, maxBasket)];
      int size = 0;
      for (int k = 0; k < n && size < basket.length; k++) {
        int id = ids[order[k]];
        if (!seen[id]) {
          seen[id] = true;
          basket[size++] = id;
        }
      }
      for (int k = 0; k < size; k++) {
        seen[basket[k]] = false;
      }
      baskets.add(Arrays.copyOf(basket, size));
    }
    return baskets;
  }

  /** Item to the anchors selling it (listed before the held-out days), scored 1/sqrt(sellers). */
  static NeighbourTable itemAnchors(Dataset dataset, DataWindow window) {
    Dataset.AnchorItems ai = dataset.anchorItems();
    List<List<Integer>> sellers = new ArrayList<>(dataset.itemCount());
    for (int i = 0; i < dataset.itemCount(); i++) {
      sellers.add(new ArrayList<>(1));
    }
    for (int r = 0; r < ai.size(); r++) {
      if (ai.startTs()[r] < window.holdoutStart()) {
        List<Integer> list = sellers.get(ai.item()[r]);
        if (!list.contains(ai.anchor()[r])) {
          list.add(ai.anchor()[r]);
        }
      }
    }
    int[] offsets = new int[dataset.itemCount() + 1];
    for (int i = 0; i < dataset.itemCount(); i++) {
      offsets[i + 1] = offsets[i] + sellers.get(i).size();
    }
    int[] anchors = new int[offsets[dataset.itemCount()]];
    float[] scores = new float[anchors.length];
    for (int i = 0; i < dataset.itemCount(); i++) {
      List<Integer> list = sellers.get(i);
      list.sort(null);
      float score = (float) (1 / Math.sqrt(list.size()));
      for (int k = 0; k < list.size(); k++) {
        anchors[offsets[i] + k] = list.get(k);
        scores[offsets[i] + k] = score;
      }
    }
    return new NeighbourTable(offsets, anchors, scores);
  }

  /** Recency-weighted positive impressions per scenario and over all scenarios. */
  static PopularityTable popularity(Dataset dataset, DataWindow window, double halfLifeDays) {
    List<String> scenarios = dataset.manifest().scenarios();
    int rows = scenarios.size() + 1;
    double[][] score = new double[rows][dataset.anchorCount()];
    Dataset.Impressions imp = dataset.impressions();
    float[][] positive = PositiveLabels.byScenario(dataset);
    double halfLife = halfLifeDays * 86_400;
    for (int i = 0; i < imp.size(); i++) {
      long ts = imp.ts()[i];
      if (window.isTraining(ts) && PositiveLabels.isPositive(dataset, positive, i)) {
        double w = Math.pow(2, -(window.holdoutStart() - ts) / halfLife);
        score[imp.scenario()[i]][imp.anchor()[i]] += w;
        score[rows - 1][imp.anchor()[i]] += w;
      }
    }
    Map<String, Integer> rowOf = new LinkedHashMap<>();
    for (int s = 0; s < scenarios.size(); s++) {
      rowOf.put(scenarios.get(s), s);
    }
    rowOf.put(PopularityTable.ALL_SCENARIOS, rows - 1);
    int[] offsets = new int[rows + 1];
    List<int[]> lists = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      double[] s = score[r];
      int[] list =
          java.util.stream.IntStream.range(0, s.length)
              .filter(a -> s[a] > 0)
              .boxed()
              .sorted((x, y) -> s[x] != s[y] ? Double.compare(s[y], s[x]) : Integer.compare(x, y))
              .mapToInt(Integer::intValue)
              .toArray();
      lists.add(list);
      offsets[r + 1] = offsets[r] + list.length;
    }
    int[] anchors = new int[offsets[rows]];
    float[] scores = new float[anchors.length];
    for (int r = 0; r < rows; r++) {
      int[] list = lists.get(r);
      for (int k = 0; k < list.length; k++) {
        anchors[offsets[r] + k] = list[k];
        scores[offsets[r] + k] = (float) score[r][list[k]];
      }
    }
    return new PopularityTable(rowOf, new NeighbourTable(offsets, anchors, scores));
  }

  private static String version(
      String dataset, DataWindow window, RelationsConfig config, NeighbourTable... tables) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((dataset + "|" + window + "|" + config).getBytes(StandardCharsets.UTF_8));
      for (NeighbourTable table : tables) {
        update(digest, table);
      }
      return "rel-" + HexFormat.of().formatHex(digest.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String version(
      String dataset,
      DataWindow window,
      RelationsConfig config,
      NeighbourTable a2a,
      NeighbourTable i2i,
      NeighbourTable itemAnchors,
      PopularityTable popularity) {
    return version(dataset, window, config, a2a, i2i, itemAnchors, popularity.lists());
  }

  private static void update(MessageDigest digest, NeighbourTable table) {
    ByteBuffer buffer = ByteBuffer.allocate(8);
    for (int v : table.offsets()) {
      digest.update(buffer.clear().putInt(v).flip());
    }
    for (int v : table.neighbours()) {
      digest.update(buffer.clear().putInt(v).flip());
    }
    for (float v : table.scores()) {
      digest.update(buffer.clear().putFloat(v).flip());
    }
  }
}
