package io.onair.vectorindex;

import static java.util.Objects.requireNonNull;

import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import io.onair.vectors.VectorSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Approximate top-k by inner product over an HNSW graph (hnswlib-core). Built over some rows of an
 * {@link VectorSet} (all of them, or the live ones), on several threads; saved and loaded with the
 * graph's own serialization ({@link VectorIndexArtifacts} versions it on disk).
 *
 * <p>Scores are recomputed with {@link InnerProduct} from the stored vectors, so they are the exact
 * inner products (the graph only chooses the candidates). The graph stores each vector with one
 * extra component that turns inner-product search into a search among vectors of equal norm (see
 * {@link #build(VectorSet, int[], HnswParameters, int, BuildProgress)}). hnswlib has no filter: a
 * search with a predicate asks for more neighbours until {@code k} accepted ones are found or the
 * graph is exhausted; that is meant for predicates that reject few rows (the live-only case builds
 * a graph over the live rows instead, see {@link LiveAnchorIndex}).
 *
 * <p>Searches are thread-safe; the graph is not changed after the build.
 */
public final class HnswSearch implements VectorSearch {
  private static final String GRAPH_FILE = "hnsw.bin";

  private final HnswIndex<Integer, float[], RowItem, Float> index;
  private final int dimension;

  private HnswSearch(HnswIndex<Integer, float[], RowItem, Float> index, int dimension) {
    this.index = index;
    this.dimension = dimension;
  }

  /** Builds a graph over every vector. */
  public static HnswSearch build(
      VectorSet vectors, HnswParameters parameters, int threads, BuildProgress progress)
      throws InterruptedException {
    int[] rows = new int[vectors.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return build(vectors, rows, parameters, threads, progress);
  }

  /**
   * Builds a graph over {@code rows} of {@code vectors} with {@code threads} threads (hnswlib
   * inserts concurrently; its threads are named and end with the build).
   */
  public static HnswSearch build(
      VectorSet vectors, int[] rows, HnswParameters parameters, int threads, BuildProgress progress)
      throws InterruptedException {
    requireNonNull(vectors, "vectors is null");
    requireNonNull(rows, "rows is null");
    requireNonNull(parameters, "parameters is null");
    requireNonNull(progress, "progress is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
    HnswIndex<Integer, float[], RowItem, Float> index =
        HnswIndex.newBuilder(
                vectors.dimension() + 1, new InnerProductDistance(), Math.max(1, rows.length))
            .withM(parameters.m())
            .withEfConstruction(parameters.efConstruction())
            .withEf(parameters.ef())
            .build();
    // Inner product is not a metric: a vector is not its own nearest neighbour, and a graph built
    // on raw inner products links tight clusters poorly (recall@100 0.78 on 20k clustered
    // vectors, against 0.99 with this). The standard reduction (Bachrach et al., 2014) appends
    // sqrt(M^2 - |x|^2) to every vector (M the largest norm) and 0 to the query: every stored
    // vector then has norm M, so among them inner-product order is distance order, and q'.x' =
    // q.x keeps the answer. It suits vectors of comparable norms (one trained table); with norms
    // spread 3x it did worse than raw inner products (docs/vector-recall.md).
    double maxSquaredNorm = 0;
    for (int row : rows) {
      maxSquaredNorm = Math.max(maxSquaredNorm, squaredNorm(vectors, row));
    }
    List<RowItem> items = new ArrayList<>(rows.length);
    for (int row : rows) {
      float[] augmented = java.util.Arrays.copyOf(vectors.vector(row), vectors.dimension() + 1);
      augmented[vectors.dimension()] =
          (float) Math.sqrt(Math.max(0, maxSquaredNorm - squaredNorm(vectors, row)));
      items.add(new RowItem(row, augmented));
    }
    int interval = Math.max(1, rows.length / 20);
    index.addAll(items, threads, progress::update, interval);
    return new HnswSearch(index, vectors.dimension());
  }

  /** Writes the graph (with its vectors and parameters) into {@code directory}. */
  public void save(Path directory) {
    requireNonNull(directory, "directory is null");
    try {
      index.save(directory.resolve(GRAPH_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the HNSW graph to " + directory, e);
    }
  }

  /**
   * Reads a graph written by {@link #save}.
   *
   * @throws IllegalArgumentException when the directory holds no readable graph
   */
  public static HnswSearch load(Path directory) {
    requireNonNull(directory, "directory is null");
    Path file = directory.resolve(GRAPH_FILE);
    HnswIndex<Integer, float[], RowItem, Float> index;
    try {
      index = HnswIndex.load(file, HnswSearch.class.getClassLoader());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read the HNSW graph " + file + ": " + e, e);
    }
    // The stored vectors carry the one extra component of the inner-product reduction.
    return new HnswSearch(index, index.getDimensions() - 1);
  }

  private static double squaredNorm(VectorSet vectors, int row) {
    double sum = 0;
    int base = row * vectors.dimension();
    for (int d = 0; d < vectors.dimension(); d++) {
      double x = vectors.data()[base + d];
      sum += x * x;
    }
    return sum;
  }

  /**
   * Changes the search ef. For benchmarks that measure several ef on one graph: not safe while
   * other threads search, and a served graph never has it called.
   */
  public void setEf(int ef) {
    new HnswParameters(index.getM(), index.getEfConstruction(), ef); // validates
    index.setEf(ef);
  }

  /** The parameters the graph was built with (ef as currently set). */
  public HnswParameters parameters() {
    return new HnswParameters(index.getM(), index.getEfConstruction(), index.getEf());
  }

  @Override
  public int size() {
    return index.size();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String kind() {
    return "hnsw";
  }

  @Override
  public List<Neighbor> search(float[] query, int k, IntPredicate accept) {
    Queries.check(query, dimension, k);
    requireNonNull(accept, "accept is null");
    int size = index.size();
    int fetch = Math.min(k, Math.max(1, size));
    float[] augmented = java.util.Arrays.copyOf(query, dimension + 1);
    while (true) {
      List<SearchResult<RowItem, Float>> found = index.findNearest(augmented, fetch);
      List<Neighbor> accepted = new ArrayList<>(Math.min(k, found.size()));
      for (SearchResult<RowItem, Float> result : found) {
        int row = result.item().id();
        if (accept.test(row)) {
          accepted.add(new Neighbor(row, InnerProduct.dot(query, result.item().vector())));
        }
      }
      if (accepted.size() >= k || fetch >= size) {
        accepted.sort(Neighbor.BEST_FIRST);
        return accepted.size() > k ? List.copyOf(accepted.subList(0, k)) : accepted;
      }
      fetch = (int) Math.min(size, (long) fetch * 4);
    }
  }
}
