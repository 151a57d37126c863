package io.onair.recall.vector;

import static java.util.Objects.requireNonNull;

import io.onair.vectorindex.HnswSearch;
import io.onair.vectorindex.VectorIndexArtifacts;
import io.onair.vectors.PretrainedVectors;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What vector recall loads from an artifacts directory: the current pretrained vectors and, when
 * one was saved for exactly those vectors, the HNSW graph over every anchor.
 *
 * @param vectors the pretrained vectors
 * @param everyAnchorGraph the saved graph over all their anchors, or empty
 */
public record VectorArtifacts(PretrainedVectors vectors, Optional<HnswSearch> everyAnchorGraph) {
  private static final System.Logger log = System.getLogger(VectorArtifacts.class.getName());

  public VectorArtifacts {
    requireNonNull(vectors, "vectors is null");
    requireNonNull(everyAnchorGraph, "everyAnchorGraph is null");
  }

  /**
   * The vector artifacts under {@code artifacts}, or empty (logged once, here) when there are no
   * pretrained vectors: the service then runs without vector routes.
   *
   * @throws IllegalArgumentException when the pretrained vectors exist but cannot be read
   */
  public static Optional<VectorArtifacts> load(Path artifacts) {
    requireNonNull(artifacts, "artifacts is null");
    if (!PretrainedVectors.exists(artifacts)) {
      log.log(
          System.Logger.Level.INFO,
          "no pretrained vectors in {0}: the vector routes are off (run onair pretrain)",
          artifacts);
      return Optional.empty();
    }
    PretrainedVectors vectors = PretrainedVectors.load(artifacts);
    Optional<HnswSearch> graph = Optional.empty();
    if (VectorIndexArtifacts.exists(artifacts)) {
      Optional<VectorIndexArtifacts.Loaded> loaded = VectorIndexArtifacts.loadCurrent(artifacts);
      if (loaded.isPresent()
          && loaded.get().card().source().equals(vectors.version())
          && loaded.get().card().size() == vectors.anchors().size()) {
        graph = Optional.of(loaded.get().graph());
      } else {
        log.log(
            System.Logger.Level.INFO,
            "the saved vector index in {0} is not over pretrained vectors {1}: not used",
            artifacts,
            vectors.version());
      }
    }
    log.log(
        System.Logger.Level.INFO,
        "pretrained vectors {0}: {1} anchors, dimension {2}, modalities {3}",
        vectors.version(),
        vectors.anchors().size(),
        vectors.dimension(),
        vectors.modalities());
    return Optional.of(new VectorArtifacts(vectors, graph));
  }
}
