package io.onair.recall.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import io.onair.features.FeatureStore;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.route.RelationTables;
import io.onair.server.BoundedExecutors;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * Wires the recall engine: its configuration, the feature store and relation tables it reads, the
 * clock, and the route executor. Install {@link io.onair.recall.route.RoutesModule} beside it for
 * the standard routes. The caller owns the store and must shut the route executor down ({@code
 * injector.getInstance(Key.get(ExecutorService.class, Names.named("recall-route")))}).
 */
public final class RecallModule extends AbstractModule {
  private final RecallConfig config;
  private final FeatureStore store;
  private final RelationTables tables;
  private final Clock clock;

  public RecallModule(RecallConfig config, FeatureStore store, RelationTables tables, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.store = requireNonNull(store, "store is null");
    this.tables = requireNonNull(tables, "tables is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  protected void configure() {
    bind(RecallConfig.class).toInstance(config);
    bind(FeatureStore.class).toInstance(store);
    bind(RelationTables.class).toInstance(tables);
    bind(Clock.class).toInstance(clock);
    bindConstant()
        .annotatedWith(Names.named("popularUserCategoryBoost"))
        .to(config.popularUserCategoryBoost());
    bindConstant()
        .annotatedWith(Names.named("popularReferCategoryBoost"))
        .to(config.popularReferCategoryBoost());
    bind(RecallEngine.class).in(Singleton.class);
  }

  /**
   * The route executor. Bounded, because a burst of requests must not turn into an unbounded queue
   * of route calls that would all miss their time limits anyway: past {@code routeQueue} waiting
   * calls a route is rejected and dropped (ROUTE_DROPPED), and the request still answers with the
   * routes that ran.
   */
  @Provides
  @Singleton
  @Named("recall-route")
  ExecutorService routeExecutor() {
    return BoundedExecutors.create("recall-route", config.routeThreads(), config.routeQueue());
  }
}
