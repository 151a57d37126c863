package io.onair.recall.vector;

import static java.util.Objects.requireNonNull;

import io.onair.recall.route.CandidateFilter;
import io.onair.recall.route.RelationTables;
import io.onair.recall.route.RouteCandidate;
import io.onair.vectorindex.HnswSearch;
import io.onair.vectorindex.LiveAnchorIndex;
import io.onair.vectorindex.LiveIndexSettings;
import io.onair.vectorindex.Neighbor;
import io.onair.vectorindex.VectorSearch;
import io.onair.vectors.PretrainedVectors;
import io.onair.vectors.VectorSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The pretrained anchor vectors of one version, searchable over the live anchors of a request. The
 * vector rows are the pretrained anchors' rows; each maps to the relation tables' anchor index
 * (anchors the tables do not know are never live, so never returned). The live set arrives as the
 * request's {@link CandidateFilter}; {@link LiveAnchorIndex} keeps an index over it.
 *
 * <p>Thread-safe: immutable apart from the live index's snapshot, which guards itself.
 */
public final class VectorRecall {
  private final String version;
  private final List<String> modalities;
  private final int[] anchorOfRow;
  private final int[] rowOfAnchor;
  private final LiveAnchorIndex index;

  private VectorRecall(
      String version,
      List<String> modalities,
      int[] anchorOfRow,
      int[] rowOfAnchor,
      LiveAnchorIndex index) {
    this.version = version;
    this.modalities = modalities;
    this.anchorOfRow = anchorOfRow;
    this.rowOfAnchor = rowOfAnchor;
    this.index = index;
  }

  /**
   * @param vectors the pretrained vectors (their anchors and the modalities with user vectors)
   * @param tables the relation tables the engine's anchor indexes come from
   * @param settings the live index's crossover and graph parameters
   * @param buildExecutor where graphs over large live sets are built (owned by the caller)
   * @param everyAnchorGraph a saved graph over every pretrained anchor of this version, or empty
   */
  public static VectorRecall create(
      PretrainedVectors vectors,
      RelationTables tables,
      LiveIndexSettings settings,
      Executor buildExecutor,
      Optional<HnswSearch> everyAnchorGraph) {
    requireNonNull(vectors, "vectors is null");
    requireNonNull(tables, "tables is null");
    VectorSet anchors = vectors.anchors();
    int[] anchorOfRow = new int[anchors.size()];
    int[] rowOfAnchor = new int[tables.anchorCount()];
    Arrays.fill(rowOfAnchor, -1);
    for (int row = 0; row < anchors.size(); row++) {
      int anchor = tables.anchor(anchors.id(row));
      anchorOfRow[row] = anchor;
      if (anchor >= 0) {
        rowOfAnchor[anchor] = row;
      }
    }
    return new VectorRecall(
        vectors.version(),
        List.copyOf(vectors.modalities()),
        anchorOfRow,
        rowOfAnchor,
        new LiveAnchorIndex(anchors, settings, buildExecutor, everyAnchorGraph));
  }

  /** The pretrained vectors' version: user vectors of another version are not comparable. */
  public String version() {
    return version;
  }

  /** The modalities with user vectors, one route each. */
  public List<String> modalities() {
    return modalities;
  }

  public int dimension() {
    return index.vectors().dimension();
  }

  /** Anchors of the relation tables that have a vector. */
  public int anchorsWithVectors() {
    return (int) Arrays.stream(anchorOfRow).filter(anchor -> anchor >= 0).count();
  }

  /**
   * The {@code limit} live anchors the filter allows with the largest inner product with {@code
   * query}, best first, scored by that inner product.
   */
  public List<RouteCandidate> search(float[] query, int limit, CandidateFilter filter) {
    BitSet liveAnchors = filter.liveSet();
    BitSet liveRows = new BitSet(anchorOfRow.length);
    for (int anchor = liveAnchors.nextSetBit(0);
        anchor >= 0 && anchor < rowOfAnchor.length;
        anchor = liveAnchors.nextSetBit(anchor + 1)) {
      int row = rowOfAnchor[anchor];
      if (row >= 0) {
        liveRows.set(row);
      }
    }
    VectorSearch search = index.forLive(liveRows);
    List<Neighbor> found = search.search(query, limit, row -> filter.allows(anchorOfRow[row]));
    List<RouteCandidate> out = new ArrayList<>(found.size());
    for (Neighbor n : found) {
      assert filter.isLive(anchorOfRow[n.row()]) : "a live-only search returned a non-live anchor";
      out.add(new RouteCandidate(anchorOfRow[n.row()], n.score(), ""));
    }
    return out;
  }

  /** Which search answered the latest live set ("exact", "hnsw"), for logs. */
  public Optional<String> currentSearchKind() {
    return index.currentKind();
  }
}
