package io.onair.vectorindex;

import io.onair.vectors.VectorSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Top-k inner-product search over a fixed set of vectors, identified by their rows in the {@link
 * VectorSet} the search was built over.
 *
 * <p>Implementations are immutable once built and safe for concurrent searches.
 */
public interface VectorSearch {
  /** How many vectors the search covers. */
  int size();

  /** The vectors' dimension. */
  int dimension();

  /**
   * The {@code k} covered vectors with the largest inner product with {@code query} among those
   * whose row {@code accept} accepts, best first ({@link Neighbor#BEST_FIRST}). Fewer when fewer
   * are accepted. An exact search returns exactly the true top k; an approximate one may miss some.
   *
   * @throws IllegalArgumentException if the query's dimension differs or {@code k < 1}
   */
  List<Neighbor> search(float[] query, int k, IntPredicate accept);

  /** Which kind of search this is, for logs and benchmarks ("exact", "hnsw"). */
  String kind();
}
