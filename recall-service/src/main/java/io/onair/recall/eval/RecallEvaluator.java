package io.onair.recall.eval;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.progress.Progress;
import io.onair.recall.engine.RecallEngine;
import io.onair.recall.engine.RecallRequest;
import io.onair.recall.engine.RecallResult;
import io.onair.recall.engine.RecalledAnchor;
import io.onair.recall.engine.RouteStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline recall evaluation on held-out requests (contracts.md section 4). Each held-out request
 * with a positive is replayed at its own time (so only anchors live then can be found), from its
 * scenario and refer room, through the same engine the service runs: once with the scenario's
 * routes merged, and once per route alone (its own top K).
 *
 * <p>Per user: the positives are the distinct anchors positive in any of the user's held-out
 * requests; an anchor is found when it is in the top K of the request where it was positive. {@code
 * hit_rate} is the share of users with at least one found anchor, {@code recall} the mean over
 * users of found / positives, {@code coverage} the share of users for whom the route returned
 * anything in at least one request, {@code candidates_mean} the mean number of candidates per
 * request. Stateless and thread-safe.
 */
public final class RecallEvaluator {
  /** The merged list's name in the report. */
  public static final String MERGED = "merged";

  private RecallEvaluator() {}

  /** The result of one route (or the merge). */
  public record Score(
      double hitRate,
      double recall,
      double candidatesMean,
      double coverage,
      long requestsRun,
      long dropped) {}

  /** The whole evaluation. */
  public record Report(int k, int users, int requests, Map<String, Score> routes, Score merged) {}

  private static final class Tally {
    final Map<Integer, Set<String>> found = new HashMap<>();
    final Set<Integer> covered = new HashSet<>();
    long candidates;
    long runs;
    long dropped;
  }

  public static Report evaluate(
      RecallEngine engine,
      List<HeldOutRequest> requests,
      int k,
      List<String> routes,
      Progress progress) {
    requireNonNull(engine, "engine is null");
    requireNonNull(requests, "requests is null");
    requireNonNull(routes, "routes is null");
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (String route : routes) {
      tallies.put(route, new Tally());
    }
    tallies.put(MERGED, new Tally());
    Map<Integer, Set<String>> positives = new HashMap<>();
    progress.start("recall on held-out requests", requests.size(), "requests");
    for (HeldOutRequest r : requests) {
      positives.computeIfAbsent(r.user(), u -> new HashSet<>()).addAll(r.positives());
      RecallRequest request =
          RecallRequest.of(r.userId(), r.scenario(), r.referAnchorId(), k, r.time());
      for (Map.Entry<String, Tally> e : tallies.entrySet()) {
        RecallResult result =
            engine.recall(e.getKey().equals(MERGED) ? request : request.onlyRoute(e.getKey()));
        tally(e.getValue(), e.getKey(), r, result);
      }
      progress.advance(1);
    }
    progress.finish("");
    Map<String, Score> scores = new LinkedHashMap<>();
    for (String route : routes) {
      scores.put(route, score(tallies.get(route), positives, requests.size()));
    }
    return new Report(
        k,
        positives.size(),
        requests.size(),
        scores,
        score(tallies.get(MERGED), positives, requests.size()));
  }

  private static void tally(Tally t, String name, HeldOutRequest r, RecallResult result) {
    boolean ran =
        name.equals(MERGED)
            || result.outcomes().stream().anyMatch(o -> o.status() != RouteStatus.SKIPPED);
    if (ran) {
      t.runs++;
    }
    t.dropped +=
        result.outcomes().stream()
            .filter(
                o ->
                    o.status() == RouteStatus.DROPPED_ERROR
                        || o.status() == RouteStatus.DROPPED_DEADLINE)
            .count();
    t.candidates += result.candidates().size();
    if (!result.candidates().isEmpty()) {
      t.covered.add(r.user());
    }
    for (RecalledAnchor c : result.candidates()) {
      if (r.positives().contains(c.anchorId())) {
        t.found.computeIfAbsent(r.user(), u -> new HashSet<>()).add(c.anchorId());
      }
    }
  }

  private static Score score(Tally t, Map<Integer, Set<String>> positives, int requests) {
    int users = positives.size();
    double recall = 0;
    int hits = 0;
    for (Map.Entry<Integer, Set<String>> e : positives.entrySet()) {
      Set<String> found = t.found.getOrDefault(e.getKey(), Set.of());
      if (!found.isEmpty()) {
        hits++;
      }
      recall += (double) found.size() / e.getValue().size();
    }
    return new Score(
        users == 0 ? 0 : (double) hits / users,
        users == 0 ? 0 : recall / users,
        requests == 0 ? 0 : (double) t.candidates / requests,
        users == 0 ? 0 : (double) t.covered.size() / users,
        t.runs,
        t.dropped);
  }

  /** The report as the JSON of contracts.md section 4 (plus requests, requests_run, dropped). */
  public static Map<String, Object> json(Report report, Map<String, Object> window) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("k", report.k());
    json.put("users", report.users());
    json.put("requests", report.requests());
    json.put("window", window);
    Map<String, Object> routes = new LinkedHashMap<>();
    List<String> unsupported = new ArrayList<>();
    report
        .routes()
        .forEach(
            (name, s) -> {
              routes.put(name, scoreJson(s, true));
              if (s.coverage() == 0) {
                unsupported.add(name);
              }
            });
    json.put("routes", routes);
    json.put("merged", scoreJson(report.merged(), false));
    json.put("routes_without_candidates", unsupported);
    return json;
  }

  private static Map<String, Object> scoreJson(Score s, boolean route) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("hit_rate", s.hitRate());
    json.put("recall", s.recall());
    json.put("candidates_mean", s.candidatesMean());
    json.put("coverage", s.coverage());
    if (route) {
      json.put("requests_run", s.requestsRun());
    }
    json.put("dropped", s.dropped());
    return json;
  }
}
