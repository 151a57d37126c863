package io.onair.vectorindex.bench;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.progress.Progress;
import io.onair.metrics.LatencySummary;
import io.onair.vectorindex.ExactSearch;
import io.onair.vectorindex.HnswParameters;
import io.onair.vectorindex.HnswSearch;
import io.onair.vectorindex.Neighbor;
import io.onair.vectorindex.VectorSearch;
import io.onair.vectors.VectorSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * {@code onair bench hnsw} (contracts.md section 5): HNSW against exact brute-force search over the
 * same vectors in one run, single-threaded queries: recall@K and the speed-up; then the live-only
 * setting (a random share of the vectors live) comparing the exact scan of the live set (the
 * reference) with an HNSW graph over the live set and with over-fetch-and-filter on the graph over
 * everything; then the crossover: from which live-set size a graph over it beats the exact scan.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class HnswBenchmark {
  /** Live-set sizes tried for the crossover (those up to half the vectors). */
  static final int[] CROSSOVER_SIZES = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};

  /**
   * What to run.
   *
   * @param k the K of top-K and recall@K
   * @param parameters the graph's M, efConstruction and ef
   * @param buildThreads threads of each graph build
   * @param liveShare the share of vectors live in the live-only setting (0 to skip it)
   * @param crossover whether to search the crossover live-set size
   * @param warmup queries run before each measured series
   * @param seed the live sets' seed
   * @param moreEf further search ef values measured on the graph over everything (an ef sweep)
   */
  public record Settings(
      int k,
      HnswParameters parameters,
      int buildThreads,
      double liveShare,
      boolean crossover,
      int warmup,
      long seed,
      List<Integer> moreEf) {
    public Settings {
      requireNonNull(parameters, "parameters is null");
      moreEf = List.copyOf(requireNonNull(moreEf, "moreEf is null"));
      if (k < 1 || buildThreads < 1 || warmup < 0 || !(liveShare >= 0 && liveShare <= 1)) {
        throw new IllegalArgumentException(
            "k and buildThreads must be positive, warmup not negative, liveShare 0 to 1");
      }
    }
  }

  /** One series of single-threaded searches. */
  private record Series(List<List<Neighbor>> results, LatencySummary latency, double qps) {}

  private final VectorSet vectors;
  private final float[][] queries;
  private final Settings settings;
  private final Progress progress;

  public HnswBenchmark(VectorSet vectors, float[][] queries, Settings settings, Progress progress) {
    this.vectors = requireNonNull(vectors, "vectors is null");
    this.queries = requireNonNull(queries, "queries is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.progress = requireNonNull(progress, "progress is null");
    if (queries.length == 0) {
      throw new IllegalArgumentException("no queries");
    }
  }

  /** Runs everything and returns the JSON result. */
  public Map<String, Object> run() throws InterruptedException {
    int k = Math.min(settings.k(), vectors.size());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", "hnsw");
    out.put("vectors", vectors.size());
    out.put("dimension", vectors.dimension());
    out.put("k", k);
    out.put("queries", queries.length);
    out.put("parameters", parameters(settings.parameters()));
    out.put("build_threads", settings.buildThreads());

    long started = System.nanoTime();
    HnswSearch graph = build(vectors, allRows(), "HNSW over all " + vectors.size() + " vectors");
    double buildSeconds = (System.nanoTime() - started) / 1e9;
    ExactSearch exact = ExactSearch.over(vectors);
    Series truth = measure("exact scan", exact, k, row -> true);
    Series approximate = measure("HNSW", graph, k, row -> true);
    out.put("build_seconds", round(buildSeconds));
    out.put("qps", round(approximate.qps()));
    out.put("latency_ms", latency(approximate.latency()));
    out.put("errors", 0);
    out.put("recall_at_k", round(recall(approximate.results(), truth.results())));
    out.put("baseline", series("exact", truth, 1.0));
    out.put("ratio", round(approximate.qps() / truth.qps()));
    if (!settings.moreEf().isEmpty()) {
      List<Map<String, Object>> sweep = new ArrayList<>();
      for (int ef : settings.moreEf()) {
        graph.setEf(ef);
        Series series = measure("HNSW ef " + ef, graph, k, row -> true);
        Map<String, Object> point = series("HNSW ef " + ef, series, series.qps() / truth.qps());
        point.put("ef", ef);
        point.put("recall_at_k", round(recall(series.results(), truth.results())));
        sweep.add(point);
      }
      graph.setEf(settings.parameters().ef());
      out.put("ef_sweep", sweep);
    }

    if (settings.liveShare() > 0) {
      out.put("live", live(graph, k));
    }
    if (settings.crossover()) {
      out.put("crossover", crossover(k));
    }
    return out;
  }

  /** Only a share of the vectors live: exact scan of them vs a graph over them vs over-fetch. */
  private Map<String, Object> live(HnswSearch everything, int k) throws InterruptedException {
    SplittableRandom random = new SplittableRandom(settings.seed());
    BitSet live = new BitSet(vectors.size());
    for (int row = 0; row < vectors.size(); row++) {
      if (random.nextDouble() < settings.liveShare()) {
        live.set(row);
      }
    }
    int[] rows = live.stream().toArray();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("share", settings.liveShare());
    out.put("live", rows.length);
    if (rows.length == 0) {
      return out;
    }
    int liveK = Math.min(k, rows.length);
    Series exactLive =
        measure("exact scan of the live set", ExactSearch.over(vectors, rows), liveK, row -> true);
    long started = System.nanoTime();
    HnswSearch graph = build(vectors, rows, "HNSW over the " + rows.length + " live vectors");
    double buildSeconds = (System.nanoTime() - started) / 1e9;
    Series graphLive = measure("HNSW over the live set", graph, liveK, row -> true);
    Series overFetch = measure("HNSW over all, filtered", everything, liveK, live::get);
    out.put("baseline", series("exact scan of the live set", exactLive, 1.0));
    Map<String, Object> graphJson =
        series("HNSW over the live set", graphLive, graphLive.qps() / exactLive.qps());
    graphJson.put("build_seconds", round(buildSeconds));
    graphJson.put("recall_at_k", round(recall(graphLive.results(), exactLive.results())));
    out.put("hnsw_live_set", graphJson);
    Map<String, Object> overFetchJson =
        series(
            "HNSW over every vector, over-fetch then drop non-live",
            overFetch,
            overFetch.qps() / exactLive.qps());
    overFetchJson.put("recall_at_k", round(recall(overFetch.results(), exactLive.results())));
    out.put("overfetch_filter", overFetchJson);
    return out;
  }

  /** For growing live-set sizes, exact scan vs a graph over the set, same queries. */
  private Map<String, Object> crossover(int k) throws InterruptedException {
    List<Map<String, Object>> sizes = new ArrayList<>();
    Integer fasterFrom = null;
    SplittableRandom random = new SplittableRandom(settings.seed() + 1);
    for (int size : CROSSOVER_SIZES) {
      if (size > Math.max(CROSSOVER_SIZES[0], vectors.size() / 2)) {
        break;
      }
      int[] rows = sample(random, size);
      int sizeK = Math.min(k, size);
      Series exact =
          measure("exact scan of " + size, ExactSearch.over(vectors, rows), sizeK, row -> true);
      HnswSearch graph = build(vectors, rows, "HNSW over " + size + " vectors");
      Series approximate = measure("HNSW over " + size, graph, sizeK, row -> true);
      double recall = recall(approximate.results(), exact.results());
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("size", size);
      point.put("exact_qps", round(exact.qps()));
      point.put("hnsw_qps", round(approximate.qps()));
      point.put("ratio", round(approximate.qps() / exact.qps()));
      point.put("recall_at_k", round(recall));
      sizes.add(point);
      if (fasterFrom == null && approximate.qps() > exact.qps() && recall >= 0.95) {
        fasterFrom = size;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sizes", sizes);
    out.put("hnsw_faster_from", fasterFrom);
    return out;
  }

  private HnswSearch build(VectorSet over, int[] rows, String stage) throws InterruptedException {
    progress.start(stage, rows.length, "vectors");
    long[] reported = {0};
    HnswSearch graph =
        HnswSearch.build(
            over,
            rows,
            settings.parameters(),
            settings.buildThreads(),
            (done, total) -> {
              synchronized (reported) {
                if (done > reported[0]) {
                  progress.advance(done - reported[0]);
                  reported[0] = done;
                }
              }
            });
    progress.finish(rows.length + " vectors");
    return graph;
  }

  private Series measure(String stage, VectorSearch search, int k, IntPredicate accept) {
    for (int i = 0; i < settings.warmup(); i++) {
      search.search(queries[i % queries.length], k, accept);
    }
    progress.start(stage, queries.length, "queries");
    List<List<Neighbor>> results = new ArrayList<>(queries.length);
    double[] millis = new double[queries.length];
    long total = 0;
    for (int i = 0; i < queries.length; i++) {
      long began = System.nanoTime();
      List<Neighbor> found = search.search(queries[i], k, accept);
      long took = System.nanoTime() - began;
      total += took;
      millis[i] = took / 1e6;
      results.add(found);
      progress.advance(1);
    }
    double qps = queries.length / (total / 1e9);
    progress.finish(String.format(java.util.Locale.ROOT, "%.0f queries/s", qps));
    return new Series(results, LatencySummary.of(millis), qps);
  }

  private int[] allRows() {
    int[] rows = new int[vectors.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return rows;
  }

  private int[] sample(SplittableRandom random, int size) {
    int[] rows = allRows();
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(rows.length - i);
      int t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
    int[] chosen = java.util.Arrays.copyOf(rows, size);
    java.util.Arrays.sort(chosen);
    return chosen;
  }

  /** Share of the true top-K rows found, over all queries. */
  static double recall(List<List<Neighbor>> found, List<List<Neighbor>> truth) {
    long hits = 0;
    long wanted = 0;
    for (int q = 0; q < truth.size(); q++) {
      Set<Integer> expected = new HashSet<>();
      truth.get(q).forEach(n -> expected.add(n.row()));
      wanted += expected.size();
      for (Neighbor n : found.get(q)) {
        if (expected.contains(n.row())) {
          hits++;
        }
      }
    }
    return wanted == 0 ? 1.0 : (double) hits / wanted;
  }

  private static Map<String, Object> series(String name, Series series, double ratio) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("qps", round(series.qps()));
    out.put("latency_ms", latency(series.latency()));
    out.put("ratio", round(ratio));
    return out;
  }

  private static Map<String, Object> latency(LatencySummary s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("p50", round(s.p50()));
    out.put("p90", round(s.p90()));
    out.put("p99", round(s.p99()));
    out.put("max", round(s.max()));
    return out;
  }

  private static Map<String, Object> parameters(HnswParameters p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("m", p.m());
    out.put("ef_construction", p.efConstruction());
    out.put("ef", p.ef());
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
