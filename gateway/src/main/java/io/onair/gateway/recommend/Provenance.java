package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

/**
 * Why one anchor was recalled by one route: the route's own score and 1-based rank, and what it
 * expanded from ({@code viaId}, empty when the route does not expand).
 */
public record Provenance(String route, double score, int rank, String viaId) {
  public Provenance {
    requireNonNull(route, "route is null");
    requireNonNull(viaId, "viaId is null");
  }
}
