package io.onair.recall.merge;

import java.util.List;

/**
 * A merged anchor: its merged score and every route that recalled it, the route that contributed
 * most first.
 *
 * @param anchor the anchor's index in the relation tables
 * @param score {@code sum over routes of weight / (c + rank)}
 * @param provenance one entry per route
 */
public record MergedCandidate(int anchor, double score, List<Provenance> provenance) {
  public MergedCandidate {
    provenance = List.copyOf(provenance);
  }
}
