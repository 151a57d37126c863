package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One recalled anchor: its merged recall score, category and provenance (most contributing route
 * first). Immutable.
 */
public record Candidate(String anchorId, double score, String category, List<Provenance> routes) {
  public Candidate {
    requireNonNull(anchorId, "anchorId is null");
    requireNonNull(category, "category is null");
    routes = List.copyOf(requireNonNull(routes, "routes is null"));
  }
}
