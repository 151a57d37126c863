package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetSpec;
import io.onair.features.FeatureStore;
import io.onair.features.UserFeatures;
import io.onair.gateway.blend.BoundFusion;
import io.onair.gateway.blend.Diversity;
import io.onair.gateway.blend.FusedScore;
import io.onair.gateway.blend.ScenarioFusions;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.explain.Explanation;
import io.onair.gateway.explain.ReasonWriter;
import io.onair.metrics.ServiceMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The Recommend pipeline: validate, read the user's features and the live set, recall, rank, fuse
 * (the scenario's formula over the model's target graph), filter (not live, recently shown,
 * excluded), diversify, answer. Each outgoing stage runs within its share of the budget (see {@link
 * Budget}); a failing or late stage degrades the answer instead of failing it:
 *
 * <ul>
 *   <li>features unreadable or late: no gateway-side exposure and live filter (recall still filters
 *       with its own read), flag FEATURES_UNAVAILABLE;
 *   <li>recall failed, late or empty: the popular live anchors of the scenario, flag
 *       RECALL_FALLBACK_POPULAR;
 *   <li>ranking failed or late, or the scenario's fusion does not fit the model's targets: recall
 *       order, flag RANKING_FALLBACK_RECALL_ORDER.
 * </ul>
 *
 * Records per-stage latencies, fallbacks by flag, dropped routes and the serving model version into
 * the metrics. Thread-safe: one instance serves every call.
 */
public final class RecommendPipeline {
  private static final System.Logger log = System.getLogger(RecommendPipeline.class.getName());

  private final GatewayConfig config;
  private final RequestValidator validator;
  private final FeatureStore store;
  private final boolean alwaysLive;
  private final LiveSets liveSets;
  private final RecallClient recall;
  private final RankingClient ranking;
  private final PopularAnchors popular;
  private final ScenarioFusions fusions;
  private final Diversity diversity;
  private final ServiceMetrics metrics;
  private final LongSupplier nanoTime;
  private volatile String servingModel = "";

  /**
   * @param alwaysLive true when the served dataset has no live schedule (every anchor is live)
   * @param nanoTime the monotonic clock stage times and budgets are measured with
   */
  public RecommendPipeline(
      GatewayConfig config,
      RequestValidator validator,
      FeatureStore store,
      boolean alwaysLive,
      RecallClient recall,
      RankingClient ranking,
      PopularAnchors popular,
      ServiceMetrics metrics,
      LongSupplier nanoTime) {
    this.config = requireNonNull(config, "config is null");
    this.validator = requireNonNull(validator, "validator is null");
    this.store = requireNonNull(store, "store is null");
    this.alwaysLive = alwaysLive;
    this.liveSets = new LiveSets(store);
    this.recall = requireNonNull(recall, "recall is null");
    this.ranking = requireNonNull(ranking, "ranking is null");
    this.popular = requireNonNull(popular, "popular is null");
    this.fusions = new ScenarioFusions(config);
    this.diversity = new Diversity(config.diversity());
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
  }

  /** One candidate on its way through ranking and fusion. */
  private record Scored(Candidate candidate, double score, Map<String, Double> predictions) {}

  /** Runs the pipeline for one call. */
  public Recommendation recommend(RecommendInput input) {
    long start = nanoTime.getAsLong();
    Map<String, Long> stages = new LinkedHashMap<>();
    RecommendQuery q = validator.validate(input, start);
    Budget budget = q.budget();
    Set<Degradation> flags = EnumSet.noneOf(Degradation.class);
    long mark = stage(stages, "validate", start);

    // features: the exposure set and the live set, for the filters and the popular fallback
    UserFeatures user = UserFeatures.unknown(q.userId());
    Set<String> live = null;
    boolean featuresRead = false;
    try {
      CompletableFuture<UserFeatures> userRead = store.readUser(q.userId(), q.requestTime());
      CompletableFuture<Set<String>> liveRead =
          alwaysLive ? CompletableFuture.completedFuture(null) : liveSets.at(q.requestTime());
      CompletableFuture.allOf(userRead, liveRead)
          .get(budget.featuresMicros(), TimeUnit.MICROSECONDS);
      user = userRead.join();
      live = liveRead.join();
      featuresRead = true;
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      // RuntimeException: a store that refuses the call at once (closed)
      flags.add(Degradation.FEATURES_UNAVAILABLE);
      log.log(System.Logger.Level.DEBUG, "features unavailable for " + q.requestId(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.onair.gateway.GatewayException(
          io.onair.gateway.ErrorCode.UNAVAILABLE, "interrupted");
    }
    mark = stage(stages, "features", mark);

    // recall, or the popular fallback
    Set<String> exposed = user.recentlyExposedAnchors();
    Set<String> liveSet = live;
    List<Candidate> candidates;
    List<RouteReport> routes = List.of();
    List<ArtifactInfo> artifacts = List.of();
    try {
      RecallAnswer answer =
          recall.recall(
              new RecallQuery(
                  q.userId(),
                  q.scenario(),
                  q.referAnchorId(),
                  config.recallCount(),
                  q.excludeList(),
                  q.requestTime(),
                  q.debug(),
                  q.requestId()),
              budget.recallMicros(nanoTime.getAsLong()));
      routes = answer.routes();
      artifacts = answer.artifacts();
      flags.addAll(answer.flags());
      // recall's "fewer" is about its own K; the answer's is about count, decided below
      flags.remove(Degradation.FEWER_THAN_REQUESTED);
      candidates = answer.candidates();
      if (candidates.isEmpty()) {
        throw new StageFailure("recall returned no candidates", false, null);
      }
    } catch (StageFailure e) {
      log.log(
          System.Logger.Level.DEBUG,
          () -> "recall fell back to popular for " + q.requestId() + ": " + e.getMessage());
      flags.add(Degradation.RECALL_FALLBACK_POPULAR);
      if (featuresRead && !user.isKnown()) {
        flags.add(Degradation.COLD_START_POPULAR);
      }
      candidates =
          popular.top(
              q.scenario(),
              config.recallCount(),
              id ->
                  (liveSet == null || liveSet.contains(id))
                      && !exposed.contains(id)
                      && !q.excludeAnchorIds().contains(id));
    }
    for (RouteReport route : routes) {
      if (route.dropped()) {
        metrics.droppedRoute(
            route.route(),
            route.state() == RouteReport.State.DROPPED_DEADLINE ? "deadline" : "error");
      }
    }
    mark = stage(stages, "recall", mark);

    // rank
    List<Candidate> toRank = candidates;
    if (candidates.size() > config.rankMaxCandidates()) {
      toRank = candidates.subList(0, config.rankMaxCandidates());
      flags.add(Degradation.RANKING_PARTIAL);
    }
    RankAnswer ranked = null;
    long rankMicros = budget.rankMicros(nanoTime.getAsLong());
    if (!toRank.isEmpty()) {
      try {
        if (rankMicros <= 0) {
          throw new StageFailure("no time left for ranking", true, null);
        }
        ranked =
            ranking.rank(
                new RankQuery(
                    q.userId(),
                    q.scenario(),
                    q.referAnchorId(),
                    toRank,
                    q.requestTime(),
                    q.debug(),
                    q.requestId()),
                rankMicros);
        flags.addAll(ranked.flags());
        flags.remove(Degradation.FEWER_THAN_REQUESTED);
      } catch (StageFailure e) {
        log.log(
            System.Logger.Level.DEBUG,
            () -> "ranking fell back to recall order for " + q.requestId() + ": " + e.getMessage());
        ranked = null;
      }
    }
    mark = stage(stages, "rank", mark);

    // fuse
    BoundFusion fusion = null;
    if (ranked != null) {
      try {
        fusion = fusions.of(q.scenario(), ranked.model().targets());
      } catch (IllegalArgumentException e) {
        log.log(
            System.Logger.Level.ERROR,
            "the fusion of scenario '"
                + q.scenario()
                + "' does not fit model "
                + ranked.model().modelName()
                + " "
                + ranked.model().version()
                + "; answering in recall order: "
                + e.getMessage());
        ranked = null;
      }
    }
    List<Scored> ordered = new ArrayList<>(candidates.size());
    if (ranked == null) {
      if (!toRank.isEmpty()) {
        flags.add(Degradation.RANKING_FALLBACK_RECALL_ORDER);
      }
      flags.remove(Degradation.RANKING_PARTIAL);
      for (Candidate c : candidates) {
        ordered.add(new Scored(c, c.score(), Map.of()));
      }
    } else {
      recordModel(ranked.model());
      List<Scored> scored = new ArrayList<>(toRank.size());
      List<Scored> unscored = new ArrayList<>();
      for (Candidate c : toRank) {
        Map<String, Double> predictions = ranked.of(c.anchorId());
        if (predictions.isEmpty()) {
          unscored.add(new Scored(c, c.score(), Map.of()));
          continue;
        }
        scored.add(
            new Scored(c, fusion.score(predictions), inGraphOrder(predictions, ranked.model())));
      }
      scored.sort(Comparator.comparingDouble(Scored::score).reversed()); // stable: recall order
      ordered.addAll(scored);
      if (!unscored.isEmpty()) {
        flags.add(Degradation.RANKING_PARTIAL);
      }
      ordered.addAll(unscored);
      for (Candidate c : candidates.subList(toRank.size(), candidates.size())) {
        ordered.add(new Scored(c, c.score(), Map.of()));
      }
    }
    mark = stage(stages, "fuse", mark);

    // filter and diversify
    List<Scored> kept = new ArrayList<>(ordered.size());
    Set<String> seen = new HashSet<>();
    for (Scored s : ordered) {
      String id = s.candidate().anchorId();
      if ((liveSet == null || liveSet.contains(id))
          && !exposed.contains(id)
          && !q.excludeAnchorIds().contains(id)
          && seen.add(id)) {
        kept.add(s);
      }
    }
    int filtered = ordered.size() - kept.size();
    Diversity.Selection<Scored> selection =
        diversity.select(kept, s -> s.candidate().category(), q.count());
    if (selection.relaxed()) {
      flags.add(Degradation.DIVERSITY_RELAXED);
    }
    if (selection.items().size() < q.count()) {
      flags.add(Degradation.FEWER_THAN_REQUESTED);
    }
    mark = stage(stages, "filter", mark);

    List<RecommendedAnchor> items = new ArrayList<>(selection.items().size());
    Set<Scored> demoted = new HashSet<>(selection.demoted());
    for (Scored s : selection.items()) {
      Candidate c = s.candidate();
      Explanation explanation = null;
      if (q.debug()) {
        // explained only for the returned items: rendering the terms is the costly part
        FusedScore fused =
            fusion == null || s.predictions().isEmpty() ? null : fusion.fuse(s.predictions());
        List<String> adjustments =
            demoted.contains(s)
                ? List.of(
                    "moved down by diversity: at most "
                        + config.diversity().maxPerCategory()
                        + " of category '"
                        + c.category()
                        + "' in the top "
                        + config.diversity().topPositions())
                : List.of();
        explanation =
            new Explanation(
                fused == null ? "" : fusion.kind().wireName(),
                fused == null ? "" : fused.expression(),
                fused == null ? List.of() : fused.terms(),
                s.score(),
                adjustments,
                ReasonWriter.reason(c.anchorId(), c.routes(), q.scenario(), q.referAnchorId()));
      }
      items.add(
          new RecommendedAnchor(
              c.anchorId(),
              s.score(),
              items.size() + 1,
              c.category(),
              c.routes(),
              s.predictions(),
              explanation));
    }
    stages.put("total", (nanoTime.getAsLong() - start) / 1000);
    stages.forEach(metrics::stage);
    for (Degradation flag : flags) {
      metrics.fallback(flag.metricName());
    }
    RecommendDebugInfo debug =
        q.debug()
            ? new RecommendDebugInfo(
                stages,
                routes,
                candidates.size(),
                ranked == null ? 0 : ranked.predictions().size(),
                filtered,
                fusion == null || ranked == null ? "" : fusion.formula(),
                artifacts,
                budget.totalMicros())
            : null;
    return new Recommendation(
        items, q.requestId(), ranked == null ? null : ranked.model(), List.copyOf(flags), debug);
  }

  private long stage(Map<String, Long> stages, String name, long since) {
    long now = nanoTime.getAsLong();
    stages.put(name, (now - since) / 1000);
    return now;
  }

  private void recordModel(ModelInfo model) {
    String key = model.modelName() + "\n" + model.version();
    if (!key.equals(servingModel)) {
      servingModel = key;
      metrics.modelVersion(model.modelName(), model.version());
    }
  }

  private static Map<String, Double> inGraphOrder(Map<String, Double> predictions, ModelInfo m) {
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (TargetSpec target : m.targets()) {
      Double p = predictions.get(target.name());
      if (p != null) {
        ordered.put(target.name(), p);
      }
    }
    predictions.forEach(ordered::putIfAbsent);
    return ordered;
  }
}
