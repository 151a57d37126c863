package io.onair.gateway.recommend;

import java.util.List;
import java.util.Set;

/** What recall answered: candidates best first, route outcomes, its flags and artifacts. */
public record RecallAnswer(
    List<Candidate> candidates,
    List<RouteReport> routes,
    Set<Degradation> flags,
    List<ArtifactInfo> artifacts) {
  public RecallAnswer {
    candidates = List.copyOf(candidates);
    routes = List.copyOf(routes);
    flags = Set.copyOf(flags);
    artifacts = List.copyOf(artifacts);
  }
}
