package io.onair.vectorindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.vectors.VectorSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every search against the brute-force truth on the same small clustered set: the exact scan is
 * exactly it, HNSW is close to it, a saved and loaded graph answers identically, and live-only
 * search never returns a row outside the live set.
 */
class VectorSearchTest {
  private static final int COUNT = 3_000;
  private static final int DIMENSION = 16;
  private static final int K = 20;
  private static final HnswParameters PARAMETERS = new HnswParameters(16, 100, 100);

  private static VectorSet vectors;
  private static float[][] queries;
  private static HnswSearch graph;

  @BeforeAll
  static void build() throws InterruptedException {
    vectors = ClusteredVectors.generate(COUNT, DIMENSION, 30, 11);
    queries = ClusteredVectors.queries(vectors, 50, 12);
    graph = HnswSearch.build(vectors, PARAMETERS, 2, BuildProgress.NONE);
  }

  /** The truth: every accepted row scored and sorted. */
  private static List<Neighbor> bruteForce(float[] query, int k, IntPredicate accept) {
    List<Neighbor> all = new ArrayList<>();
    for (int row = 0; row < vectors.size(); row++) {
      if (accept.test(row)) {
        float score = 0;
        for (int d = 0; d < DIMENSION; d++) {
          score += query[d] * vectors.data()[row * DIMENSION + d];
        }
        all.add(new Neighbor(row, score));
      }
    }
    all.sort(Neighbor.BEST_FIRST);
    return all.subList(0, Math.min(k, all.size()));
  }

  private static Set<Integer> rows(List<Neighbor> neighbors) {
    Set<Integer> rows = new HashSet<>();
    neighbors.forEach(n -> rows.add(n.row()));
    return rows;
  }

  @Test
  void exactSearchIsTheBruteForceTopK() {
    ExactSearch exact = ExactSearch.over(vectors);
    IntPredicate even = row -> row % 2 == 0;
    for (float[] query : queries) {
      List<Neighbor> truth = bruteForce(query, K, row -> true);
      List<Neighbor> found = exact.search(query, K, row -> true);
      assertThat(rows(found)).isEqualTo(rows(truth));
      assertThat(found).isSortedAccordingTo(Neighbor.BEST_FIRST).hasSize(K);
      assertThat(rows(exact.search(query, K, even))).isEqualTo(rows(bruteForce(query, K, even)));
    }
  }

  @Test
  void hnswRecallAgainstExactIsHigh() {
    ExactSearch exact = ExactSearch.over(vectors);
    long found = 0;
    for (float[] query : queries) {
      Set<Integer> truth = rows(exact.search(query, K, row -> true));
      List<Neighbor> approximate = graph.search(query, K, row -> true);
      assertThat(approximate).isSortedAccordingTo(Neighbor.BEST_FIRST).hasSize(K);
      found += approximate.stream().filter(n -> truth.contains(n.row())).count();
    }
    double recall = (double) found / (queries.length * K);
    assertThat(recall).as("recall@%d of HNSW vs exact", K).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void hnswScoresAreTheExactInnerProducts() {
    for (Neighbor n : graph.search(queries[0], K, row -> true)) {
      assertThat(n.score())
          .isEqualTo(InnerProduct.dot(queries[0], vectors.data(), n.row() * DIMENSION));
    }
  }

  @Test
  void aSavedAndLoadedGraphAnswersIdentically(@TempDir Path artifacts) {
    String version = VectorIndexArtifacts.publish(artifacts, graph, "pretrain-v1");

    VectorIndexArtifacts.Loaded loaded = VectorIndexArtifacts.loadCurrent(artifacts).orElseThrow();

    assertThat(loaded.version()).isEqualTo(version);
    assertThat(loaded.card().source()).isEqualTo("pretrain-v1");
    assertThat(loaded.card().size()).isEqualTo(COUNT);
    assertThat(loaded.graph().parameters()).isEqualTo(PARAMETERS);
    for (float[] query : queries) {
      // Same rows in the same order with the same scores, bit for bit.
      assertThat(loaded.graph().search(query, K, row -> true))
          .isEqualTo(graph.search(query, K, row -> true));
    }
  }

  @Test
  void noCurrentIndexIsEmpty(@TempDir Path artifacts) {
    assertThat(VectorIndexArtifacts.exists(artifacts)).isFalse();
    assertThat(VectorIndexArtifacts.loadCurrent(artifacts)).isEmpty();
  }

  @Test
  void liveSearchNeverReturnsANonLiveRow() {
    SplittableRandom random = new SplittableRandom(5);
    // exactMaxLive 0 with a synchronous executor: every live set also gets its graph at once.
    for (int crossover : new int[] {0, COUNT}) {
      LiveAnchorIndex index =
          new LiveAnchorIndex(
              vectors,
              new LiveIndexSettings(PARAMETERS, crossover, 1),
              Runnable::run,
              Optional.empty());
      for (int round = 0; round < 5; round++) {
        BitSet live = new BitSet(COUNT);
        for (int row = 0; row < COUNT; row++) {
          if (random.nextDouble() < 0.15) {
            live.set(row);
          }
        }
        VectorSearch search = index.forLive(live);
        if (crossover == 0) {
          // The build ran in the executor call; the next request gets the graph.
          search = index.forLive(live);
          assertThat(search.kind()).isEqualTo("hnsw");
        } else {
          assertThat(search.kind()).isEqualTo("exact");
        }
        assertThat(search.size()).isEqualTo(live.cardinality());
        for (float[] query : queries) {
          List<Neighbor> found = search.search(query, K, row -> row % 3 != 0);
          assertThat(found).hasSize(K);
          assertThat(found).allSatisfy(n -> assertThat(live.get(n.row())).isTrue());
          assertThat(found).allSatisfy(n -> assertThat(n.row() % 3).isNotZero());
          if (crossover == COUNT) {
            assertThat(rows(found))
                .isEqualTo(rows(bruteForce(query, K, row -> live.get(row) && row % 3 != 0)));
          }
        }
      }
    }
  }

  @Test
  void whenEveryAnchorIsLiveTheGivenGraphAnswers() {
    LiveAnchorIndex index =
        new LiveAnchorIndex(vectors, LiveIndexSettings.DEFAULTS, Runnable::run, Optional.of(graph));
    BitSet all = new BitSet(COUNT);
    all.set(0, COUNT);

    assertThat(index.forLive(all)).isSameAs(graph);
  }

  @Test
  void badQueriesAreRefused() {
    ExactSearch exact = ExactSearch.over(vectors);
    assertThatThrownBy(() -> exact.search(new float[3], K, row -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query has dimension 3, the index 16");
    assertThatThrownBy(() -> graph.search(queries[0], 0, row -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be positive, got 0");
    assertThatThrownBy(() -> new HnswParameters(16, 100, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
