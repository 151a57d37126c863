package io.onair.cli.recall;

import io.onair.cli.JsonOutput;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.progress.Progress;
import io.onair.vectorindex.BuildProgress;
import io.onair.vectorindex.ClusteredVectors;
import io.onair.vectorindex.HnswParameters;
import io.onair.vectorindex.HnswSearch;
import io.onair.vectorindex.LiveIndexSettings;
import io.onair.vectorindex.VectorIndexArtifacts;
import io.onair.vectorindex.bench.HnswBenchmark;
import io.onair.vectors.PretrainedVectors;
import io.onair.vectors.VectorSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair bench hnsw}: the HNSW index against exact search over the same vectors. */
@Command(
    name = "hnsw",
    mixinStandardHelpOptions = true,
    description = {
      "Builds an HNSW graph (hnswlib-core, inner product) over the pretrained anchor vectors",
      "(--artifacts, queries = users' vectors) or a synthetic clustered set (--synthetic N), and",
      "measures it against exact brute-force search over the same vectors in one run, one query",
      "at a time: recall@K, queries/s, latency and the speed-up (ratio). Then the live-only",
      "setting (--live-share of the vectors live): the exact scan of the live set (the reference)",
      "vs a graph over the live set vs over-fetch-and-filter on the graph over everything; and",
      "the crossover: from which live-set size a graph beats the exact scan (docs/vector-recall.md)."
    })
public final class BenchHnswCommand implements Callable<Integer> {
  @Option(
      names = "--artifacts",
      paramLabel = "DIR",
      description = "Benchmark the current pretrained vectors (onair pretrain) in DIR.")
  Path artifacts;

  @Option(
      names = "--synthetic",
      paramLabel = "N",
      description = "Benchmark N synthetic clustered vectors instead.")
  Integer synthetic;

  @Option(
      names = "--dimension",
      defaultValue = "64",
      paramLabel = "D",
      description = "Dimension of the synthetic vectors (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(
      names = "--clusters",
      defaultValue = "100",
      paramLabel = "C",
      description = "Clusters of the synthetic vectors (default: ${DEFAULT-VALUE}).")
  int clusters;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description =
          "Seed of the synthetic vectors, queries and live sets (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--modality",
      defaultValue = "U2A",
      paramLabel = "NAME",
      description =
          "With --artifacts: whose user vectors are the queries (default: ${DEFAULT-VALUE}).")
  String modality;

  @Option(
      names = "--k",
      defaultValue = "100",
      paramLabel = "K",
      description = "Top K and recall@K (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--queries",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Queries per series (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--warmup",
      defaultValue = "200",
      paramLabel = "N",
      description = "Queries run before each series, not measured (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--m",
      paramLabel = "M",
      description = "HNSW M (default: the recall default, 16).")
  Integer m;

  @Option(
      names = "--ef-construction",
      paramLabel = "N",
      description = "HNSW efConstruction (default: the recall default, 100).")
  Integer efConstruction;

  @Option(
      names = "--ef",
      paramLabel = "N[,N...]",
      split = ",",
      description =
          "HNSW search ef (default: the recall default, 400); more values measure the same graph"
              + " at each (ef_sweep).")
  java.util.List<Integer> ef;

  @Option(
      names = "--build-threads",
      defaultValue = "2",
      paramLabel = "N",
      description = "Threads of each graph build (default: ${DEFAULT-VALUE}).")
  int buildThreads;

  @Option(
      names = "--live-share",
      defaultValue = "0.15",
      paramLabel = "P",
      description =
          "Share of the vectors live in the live-only setting, 0 to skip (default: ${DEFAULT-VALUE}).")
  double liveShare;

  @Option(
      names = "--crossover",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Measure the crossover live-set size (--no-crossover to skip).")
  boolean crossover;

  @Option(
      names = "--save",
      description =
          "With --artifacts: also publish the graph over every anchor as a new version of"
              + " <artifacts>/vector-index (the recall service uses it when every anchor is live).")
  boolean save;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result here.")
  Path json;

  @Override
  public Integer call() throws InterruptedException {
    if ((artifacts == null) == (synthetic == null)) {
      throw new IllegalArgumentException("give exactly one of --artifacts DIR and --synthetic N");
    }
    if (synthetic != null && (synthetic < 1 || dimension < 1 || clusters < 1)) {
      throw new IllegalArgumentException(
          "--synthetic, --dimension and --clusters must be positive");
    }
    if (queries < 1 || k < 1 || warmup < 0 || buildThreads < 1) {
      throw new IllegalArgumentException(
          "--queries, --k and --build-threads must be positive, --warmup not negative");
    }
    if (!(liveShare >= 0 && liveShare <= 1)) {
      throw new IllegalArgumentException("--live-share must be 0 to 1, got " + liveShare);
    }
    if (save && artifacts == null) {
      throw new IllegalArgumentException("--save needs --artifacts");
    }
    HnswParameters defaults = LiveIndexSettings.DEFAULTS.hnsw();
    HnswParameters parameters =
        new HnswParameters(
            m != null ? m : defaults.m(),
            efConstruction != null ? efConstruction : defaults.efConstruction(),
            ef != null && !ef.isEmpty() ? ef.get(0) : defaults.ef());
    Progress progress = new ConsoleProgress(System.err);

    VectorSet vectors;
    float[][] queryVectors;
    String source;
    PretrainedVectors pretrained = null;
    if (artifacts != null) {
      pretrained = PretrainedVectors.load(artifacts);
      VectorSet anchors = pretrained.anchors();
      vectors = anchors;
      VectorSet users = pretrained.users(modality);
      SplittableRandom random = new SplittableRandom(seed);
      queryVectors = new float[queries][];
      for (int i = 0; i < queries; i++) {
        queryVectors[i] = users.vector(random.nextInt(users.size()));
      }
      source = "pretrained " + pretrained.version() + " anchors, " + modality + " user vectors";
    } else {
      vectors = ClusteredVectors.generate(synthetic, dimension, clusters, seed);
      queryVectors = ClusteredVectors.queries(vectors, queries, seed + 1);
      source = "synthetic: " + synthetic + " vectors, " + clusters + " clusters, seed " + seed;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("source", source);
    result.putAll(
        new HnswBenchmark(
                vectors,
                queryVectors,
                new HnswBenchmark.Settings(
                    k,
                    parameters,
                    buildThreads,
                    liveShare,
                    crossover,
                    warmup,
                    seed,
                    ef != null && ef.size() > 1 ? ef.subList(1, ef.size()) : java.util.List.of()),
                progress)
            .run());
    if (save) {
      HnswSearch graph = HnswSearch.build(vectors, parameters, buildThreads, BuildProgress.NONE);
      String version = VectorIndexArtifacts.publish(artifacts, graph, pretrained.version());
      result.put("saved", version);
      System.err.println("saved the graph as vector-index version " + version);
    }
    JsonOutput.write(json, result);
    print(result);
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> r) {
    Map<String, Object> baseline = (Map<String, Object>) r.get("baseline");
    System.out.printf(
        Locale.ROOT,
        "%s%nHNSW %s over %d vectors of dimension %d, built in %.1f s: recall@%d %.4f, %.0f"
            + " queries/s vs exact %.0f queries/s: %.2fx%n",
        r.get("source"),
        r.get("parameters"),
        (Integer) r.get("vectors"),
        (Integer) r.get("dimension"),
        (Double) r.get("build_seconds"),
        (Integer) r.get("k"),
        (Double) r.get("recall_at_k"),
        (Double) r.get("qps"),
        (Double) baseline.get("qps"),
        (Double) r.get("ratio"));
    if (r.get("ef_sweep") != null) {
      for (Map<String, Object> point : (Iterable<Map<String, Object>>) r.get("ef_sweep")) {
        System.out.printf(
            Locale.ROOT,
            "  ef %d: recall@%d %.4f, %.0f queries/s, %.2fx exact%n",
            (Integer) point.get("ef"),
            (Integer) r.get("k"),
            (Double) point.get("recall_at_k"),
            (Double) point.get("qps"),
            (Double) point.get("ratio"));
      }
    }
    Map<String, Object> live = (Map<String, Object>) r.get("live");
    if (live != null && live.containsKey("baseline")) {
      Map<String, Object> exact = (Map<String, Object>) live.get("baseline");
      Map<String, Object> graph = (Map<String, Object>) live.get("hnsw_live_set");
      Map<String, Object> over = (Map<String, Object>) live.get("overfetch_filter");
      System.out.printf(
          Locale.ROOT,
          "live only (%d live): exact scan of the live set %.0f q/s; HNSW over the live set %.0f"
              + " q/s (%.2fx, recall %.4f, built in %.1f s); over-fetch+filter %.0f q/s (%.2fx,"
              + " recall %.4f)%n",
          (Integer) live.get("live"),
          (Double) exact.get("qps"),
          (Double) graph.get("qps"),
          (Double) graph.get("ratio"),
          (Double) graph.get("recall_at_k"),
          (Double) graph.get("build_seconds"),
          (Double) over.get("qps"),
          (Double) over.get("ratio"),
          (Double) over.get("recall_at_k"));
    }
    Map<String, Object> crossover = (Map<String, Object>) r.get("crossover");
    if (crossover != null) {
      for (Map<String, Object> point : (Iterable<Map<String, Object>>) crossover.get("sizes")) {
        System.out.printf(
            Locale.ROOT,
            "  live set %,7d: exact %8.0f q/s, HNSW %8.0f q/s (%.2fx, recall %.4f)%n",
            (Integer) point.get("size"),
            (Double) point.get("exact_qps"),
            (Double) point.get("hnsw_qps"),
            (Double) point.get("ratio"),
            (Double) point.get("recall_at_k"));
      }
      System.out.println("HNSW faster from a live set of: " + crossover.get("hnsw_faster_from"));
    }
  }
}
