package io.onair.recall.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.name.Named;
import io.onair.features.FeatureStore;
import io.onair.features.UserFeatures;
import io.onair.features.UserVectors;
import io.onair.recall.ErrorCode;
import io.onair.recall.RecallException;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.config.RouteSettings;
import io.onair.recall.merge.CandidateMerger;
import io.onair.recall.merge.MergedCandidate;
import io.onair.recall.merge.RouteList;
import io.onair.recall.route.CandidateFilter;
import io.onair.recall.route.RecallRoute;
import io.onair.recall.route.RelationTables;
import io.onair.recall.route.RouteCandidate;
import io.onair.recall.route.RouteContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one recall request: validates it, reads the user and the live set from the feature store,
 * runs the request's routes in parallel on the route executor (each within its own time limit,
 * capped by the call's deadline; a route that fails or runs late is dropped, never fatal), merges
 * their lists with per-route quotas ({@link CandidateMerger}) and answers with live anchors only,
 * none excluded by the request or recently shown to the user.
 *
 * <p>A request naming exactly one route gets that route's own top K (its quota is K): that is what
 * evaluation compares the merge against.
 *
 * <p>Thread-safe: immutable apart from the live-set cache, which guards itself; one instance serves
 * every request.
 */
public final class RecallEngine {
  private static final System.Logger log = System.getLogger(RecallEngine.class.getName());

  private final RecallConfig config;
  private final FeatureStore store;
  private final RelationTables tables;
  private final Map<String, RecallRoute> routes;
  private final ExecutorService routeExecutor;
  private final Clock clock;
  private final RequestValidator validator;
  private final LiveAnchors liveAnchors;
  private final CandidateMerger merger;

  @Inject
  public RecallEngine(
      RecallConfig config,
      FeatureStore store,
      RelationTables tables,
      Set<RecallRoute> routes,
      @Named("recall-route") ExecutorService routeExecutor,
      Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.store = requireNonNull(store, "store is null");
    this.tables = requireNonNull(tables, "tables is null");
    requireNonNull(routes, "routes is null");
    Map<String, RecallRoute> byName = new TreeMap<>();
    for (RecallRoute route : routes) {
      if (byName.put(route.name(), route) != null) {
        throw new IllegalArgumentException("two routes are named " + route.name());
      }
    }
    this.routes = Map.copyOf(byName);
    this.routeExecutor = requireNonNull(routeExecutor, "routeExecutor is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.validator =
        new RequestValidator(config, tables.relations().scenarios(), this.routes.keySet());
    this.liveAnchors = new LiveAnchors(store, tables);
    this.merger = new CandidateMerger(config.rankFusionConstant());
  }

  public RecallConfig config() {
    return config;
  }

  public RelationTables tables() {
    return tables;
  }

  /** Recall with the configured default deadline. */
  public RecallResult recall(RecallRequest request) {
    return recall(
        request, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.defaultDeadlineMillis()));
  }

  /**
   * @param deadlineNanos the call's deadline on the {@link System#nanoTime()} clock
   * @throws RecallException INVALID_ARGUMENT for a bad request, UNAVAILABLE when the live schedule
   *     cannot be read, DEADLINE_EXCEEDED when the deadline passed before the routes ran
   */
  public RecallResult recall(RecallRequest request, long deadlineNanos) {
    long start = System.nanoTime();
    RequestValidator.Valid valid = validator.validate(requireNonNull(request, "request is null"));
    long time =
        request.requestTime() == 0 ? clock.instant().getEpochSecond() : request.requestTime();
    EnumSet<Degradation> flags = EnumSet.noneOf(Degradation.class);

    // Features: the user and the live set, read together.
    long featuresLimit =
        Math.min(
            TimeUnit.MILLISECONDS.toNanos(config.featuresTimeLimitMillis()), deadlineNanos - start);
    if (featuresLimit <= 0) {
      throw new RecallException(ErrorCode.DEADLINE_EXCEEDED, "the deadline had already passed");
    }
    var userRead = store.readUser(request.userId(), time);
    // The vector routes' user vectors, read beside the user (same round trip) only when needed.
    boolean vectorsNeeded =
        valid.routes().stream().anyMatch(name -> routes.get(name).needsUserVectors());
    CompletableFuture<UserVectors> vectorsRead =
        vectorsNeeded
            ? store.readUserVectors(request.userId())
            : CompletableFuture.completedFuture(UserVectors.empty());
    // The live set is required (without it no answer is safe), so it may use the whole deadline.
    BitSet live = liveAnchors.at(time, deadlineNanos - System.nanoTime());
    UserFeatures user;
    try {
      user =
          userRead.get(
              Math.max(1, featuresLimit - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecallException(ErrorCode.UNAVAILABLE, "interrupted reading the user");
    } catch (ExecutionException | TimeoutException e) {
      log.log(
          System.Logger.Level.WARNING,
          "reading user {0} failed, answering as for an unknown user: {1}",
          request.userId(),
          e.toString());
      userRead.cancel(true);
      user = UserFeatures.unknown(request.userId());
      flags.add(Degradation.FEATURES_UNAVAILABLE);
    }
    UserVectors userVectors;
    try {
      userVectors =
          vectorsRead.get(
              Math.max(1, featuresLimit - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecallException(ErrorCode.UNAVAILABLE, "interrupted reading the user vectors");
    } catch (ExecutionException | TimeoutException e) {
      log.log(
          System.Logger.Level.WARNING,
          "reading the vectors of user {0} failed, the vector routes skip: {1}",
          request.userId(),
          e.toString());
      vectorsRead.cancel(true);
      userVectors = UserVectors.empty();
      flags.add(Degradation.FEATURES_UNAVAILABLE);
    }
    int refer = -1;
    if (valid.referAware()) {
      refer = tables.anchor(request.referAnchorId());
      if (refer < 0) {
        flags.add(Degradation.REFER_IGNORED);
      }
    }
    BitSet excluded = new BitSet(tables.anchorCount());
    for (String id : request.excludeAnchorIds()) {
      int a = tables.anchor(id);
      if (a >= 0) {
        excluded.set(a);
      }
    }
    BitSet shown = new BitSet(tables.anchorCount());
    for (String id : user.recentlyExposedAnchors()) {
      int a = tables.anchor(id);
      if (a >= 0) {
        shown.set(a);
      }
    }
    CandidateFilter filter = new CandidateFilter(live, excluded, shown);
    RouteContext context =
        new RouteContext(user, request.scenario(), refer, time, valid.count(), filter, userVectors);
    long featuresDone = System.nanoTime();

    // Routes, in parallel.
    List<String> names = valid.routes();
    List<RouteOutcome> outcomes = new ArrayList<>(names.size());
    List<Future<List<RouteCandidate>>> futures = new ArrayList<>(names.size());
    long[] routeStart = new long[names.size()];
    long[] routeMicros = new long[names.size()];
    for (int i = 0; i < names.size(); i++) {
      RecallRoute route = routes.get(names.get(i));
      Optional<String> skip = route.skipReason(context);
      if (skip.isPresent()) {
        outcomes.add(new RouteOutcome(route.name(), RouteStatus.SKIPPED, 0, 0, 0, skip.get()));
        futures.add(null);
        continue;
      }
      outcomes.add(null);
      routeStart[i] = System.nanoTime();
      int index = i;
      Callable<List<RouteCandidate>> task =
          () -> {
            long began = System.nanoTime();
            List<RouteCandidate> result = route.recall(context);
            routeMicros[index] = (System.nanoTime() - began) / 1000;
            return result;
          };
      try {
        futures.add(routeExecutor.submit(task));
      } catch (RejectedExecutionException e) {
        futures.add(null);
        flags.add(Degradation.ROUTE_DROPPED);
        outcomes.set(
            i,
            new RouteOutcome(
                route.name(), RouteStatus.DROPPED_ERROR, 0, 0, 0, "the route executor is full"));
      }
    }
    // Routes must end before the call does: keep a reserve for the merge and the response (a
    // tenth of the time the call had, at least 5 ms), or the answer would arrive after the
    // caller has given up.
    long budget = deadlineNanos - start;
    long routesDeadline = deadlineNanos - Math.max(TimeUnit.MILLISECONDS.toNanos(5), budget / 10);
    List<RouteList> lists = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Future<List<RouteCandidate>> future = futures.get(i);
      if (future == null) {
        continue;
      }
      String name = names.get(i);
      RouteSettings settings = config.routes().get(name);
      long limit =
          Math.min(
              routeStart[i] + TimeUnit.MILLISECONDS.toNanos(settings.timeLimitMillis()),
              routesDeadline);
      try {
        List<RouteCandidate> found =
            future.get(Math.max(0, limit - System.nanoTime()), TimeUnit.NANOSECONDS);
        outcomes.set(
            i,
            new RouteOutcome(
                name,
                found.isEmpty() ? RouteStatus.EMPTY : RouteStatus.OK,
                found.size(),
                0,
                routeMicros[i],
                ""));
        int quota = names.size() == 1 ? valid.count() : settings.quota();
        lists.add(new RouteList(name, found, quota, settings.weight()));
      } catch (TimeoutException e) {
        future.cancel(true);
        outcomes.set(
            i,
            new RouteOutcome(
                name,
                RouteStatus.DROPPED_DEADLINE,
                0,
                0,
                (System.nanoTime() - routeStart[i]) / 1000,
                "no answer within " + (limit - routeStart[i]) / 1_000_000 + " ms"));
        flags.add(Degradation.ROUTE_DROPPED);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        log.log(
            System.Logger.Level.WARNING,
            "route {0} failed for user {1}: {2}",
            name,
            request.userId(),
            cause.toString());
        outcomes.set(
            i,
            new RouteOutcome(
                name,
                RouteStatus.DROPPED_ERROR,
                0,
                0,
                (System.nanoTime() - routeStart[i]) / 1000,
                cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
        flags.add(Degradation.ROUTE_DROPPED);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(
            f -> {
              if (f != null) {
                f.cancel(true);
              }
            });
        throw new RecallException(ErrorCode.UNAVAILABLE, "interrupted while the routes ran");
      }
    }
    long routesDone = System.nanoTime();

    // Merge.
    CandidateMerger.Result merged = merger.merge(lists, valid.count(), filter::allows);
    List<RecalledAnchor> candidates = new ArrayList<>(merged.candidates().size());
    for (MergedCandidate c : merged.candidates()) {
      assert filter.isLive(c.anchor()) : "a non-live anchor survived the merge";
      candidates.add(
          new RecalledAnchor(
              tables.anchorId(c.anchor()),
              tables.categoryName(c.anchor()),
              c.score(),
              c.provenance()));
    }
    for (int i = 0; i < outcomes.size(); i++) {
      RouteOutcome o = outcomes.get(i);
      outcomes.set(i, o.withSelected(merged.selectedPerRoute().getOrDefault(o.route(), 0)));
    }
    if (user.histories().values().stream().allMatch(List::isEmpty)) {
      // No history OnAir knows (a new or unknown user): the answer is the popular route's.
      flags.add(Degradation.COLD_START_POPULAR);
    }
    if (candidates.size() < valid.count()) {
      flags.add(Degradation.FEWER_THAN_REQUESTED);
    }
    long end = System.nanoTime();
    Map<String, Long> stages = new LinkedHashMap<>();
    stages.put("features", (featuresDone - start) / 1000);
    stages.put("routes", (routesDone - featuresDone) / 1000);
    stages.put("merge", (end - routesDone) / 1000);
    stages.put("total", (end - start) / 1000);
    RecallResult.Debug debug =
        new RecallResult.Debug(
            merged.duplicatesMerged(),
            filter.removedNotLive(),
            filter.removedRecentlyShown(),
            filter.removedExcluded(),
            merged.removedByQuota(),
            stages);
    return new RecallResult(
        candidates,
        outcomes,
        flags,
        tables.relations().version(),
        tables.relations().window(),
        debug);
  }
}
