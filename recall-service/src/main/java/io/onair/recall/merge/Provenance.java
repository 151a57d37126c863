package io.onair.recall.merge;

/**
 * One route that recalled a merged anchor.
 *
 * @param route the route's name
 * @param score the route's own score
 * @param rank 1-based rank in the route's list
 * @param viaId what the route expanded from, empty if nothing
 * @param contribution what this route added to the merged score
 */
public record Provenance(String route, double score, int rank, String viaId, double contribution) {}
