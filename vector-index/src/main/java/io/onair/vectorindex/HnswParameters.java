package io.onair.vectorindex;

/**
 * The HNSW graph's parameters.
 *
 * @param m links per node and layer (hnswlib's M): more links, better recall, more memory and a
 *     slower build; 16 is the usual choice for dimension 64
 * @param efConstruction the candidate list while building: larger builds a better graph, slower
 * @param ef the candidate list while searching, at least k: hnswlib's default of 10 is far too low
 *     for top-100; about 2 k gives recall 0.99+ (docs/vector-recall.md)
 */
public record HnswParameters(int m, int efConstruction, int ef) {
  /**
   * M 16, efConstruction 100, ef 400: recall@100 of 0.96 on 100k clustered vectors of dimension 64
   * (ef 200: 0.93; on the medium world's anchors ef 200 already gives 0.9995),
   * docs/vector-recall.md.
   */
  public static final HnswParameters DEFAULTS = new HnswParameters(16, 100, 400);

  public HnswParameters {
    if (m < 2 || m > 128) {
      throw new IllegalArgumentException("m must be 2 to 128, got " + m);
    }
    if (efConstruction < 1 || efConstruction > 10_000) {
      throw new IllegalArgumentException(
          "efConstruction must be 1 to 10000, got " + efConstruction);
    }
    if (ef < 1 || ef > 10_000) {
      throw new IllegalArgumentException("ef must be 1 to 10000, got " + ef);
    }
  }
}
