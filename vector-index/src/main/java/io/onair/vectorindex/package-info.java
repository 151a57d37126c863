/**
 * Inner-product search over anchor vectors (docs/vector-recall.md): the {@link
 * io.onair.vectorindex.VectorSearch} interface, an exact scan ({@link
 * io.onair.vectorindex.ExactSearch}), an HNSW graph over hnswlib-core ({@link
 * io.onair.vectorindex.HnswSearch}) saved and loaded as versioned artifacts ({@link
 * io.onair.vectorindex.VectorIndexArtifacts}), and the live-only search the recall routes use
 * ({@link io.onair.vectorindex.LiveAnchorIndex}): an index over the live set, exact below a
 * crossover size, HNSW above it, swapped atomically when the live set changes.
 */
package io.onair.vectorindex;
