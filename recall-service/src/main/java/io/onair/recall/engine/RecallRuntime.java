package io.onair.recall.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.name.Names;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.route.RelationTables;
import io.onair.recall.route.RoutesModule;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A loaded recall engine with what it owns: the feature store (when it opened it) and the route
 * executor. Built by {@link #load}; {@link #close()} releases everything. Thread-safe.
 */
public final class RecallRuntime implements AutoCloseable {
  private final RecallEngine engine;
  private final FeatureStore store;
  private final boolean ownsStore;
  private final ExecutorService routeExecutor;

  private RecallRuntime(
      RecallEngine engine, FeatureStore store, boolean ownsStore, ExecutorService routeExecutor) {
    this.engine = engine;
    this.store = store;
    this.ownsStore = ownsStore;
    this.routeExecutor = routeExecutor;
  }

  /**
   * Loads the relations from {@code artifacts} and wires the engine over {@code store}.
   *
   * @param extraModules more Guice modules (for example more routes)
   */
  public static RecallRuntime create(
      RecallConfig config,
      Relations relations,
      FeatureStore store,
      boolean ownsStore,
      Clock clock,
      Module... extraModules) {
    List<Module> modules = new ArrayList<>();
    modules.add(new RecallModule(config, store, new RelationTables(relations), clock));
    modules.add(new RoutesModule());
    modules.addAll(List.of(extraModules));
    Injector injector = Guice.createInjector(modules);
    return new RecallRuntime(
        injector.getInstance(RecallEngine.class),
        store,
        ownsStore,
        injector.getInstance(Key.get(ExecutorService.class, Names.named("recall-route"))));
  }

  /**
   * Opens the features and relations a served engine reads: with {@code storeUri} (a Redis URI) the
   * features loaded there by {@code onair features load}; without, an in-memory store filled from
   * the dataset (the one the relations were built from, unless {@code data} is given) with the
   * relations' window, so the histories end where the relations do.
   */
  public static RecallRuntime load(
      Path artifacts,
      String storeUri,
      String namespace,
      Path data,
      RecallConfig config,
      Progress progress) {
    requireNonNull(artifacts, "artifacts is null");
    Relations relations = RelationsArtifacts.read(artifacts);
    FeatureStore store;
    if (storeUri != null) {
      store = FeatureStores.open(storeUri, FeatureStoreConfig.defaults().withNamespace(namespace));
    } else {
      store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
      try {
        Dataset dataset =
            DatasetReader.read(data != null ? data : Path.of(relations.data()), progress);
        DatasetFeatureLoader.load(dataset, relations.window(), store, progress);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    }
    return create(config, relations, store, true, Clock.systemUTC());
  }

  public RecallEngine engine() {
    return engine;
  }

  public FeatureStore store() {
    return store;
  }

  @Override
  public void close() {
    routeExecutor.shutdownNow();
    try {
      routeExecutor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownsStore) {
      store.close();
    }
  }
}
