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
import io.onair.recall.vector.UserVectorLoader;
import io.onair.recall.vector.VectorArtifacts;
import io.onair.recall.vector.VectorRecall;
import io.onair.recall.vector.VectorRoutesModule;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import io.onair.server.BoundedExecutors;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  private final ExecutorService vectorIndexBuilds;

  private RecallRuntime(
      RecallEngine engine,
      FeatureStore store,
      boolean ownsStore,
      ExecutorService routeExecutor,
      ExecutorService vectorIndexBuilds) {
    this.engine = engine;
    this.store = store;
    this.ownsStore = ownsStore;
    this.routeExecutor = routeExecutor;
    this.vectorIndexBuilds = vectorIndexBuilds;
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
    return create(config, relations, store, ownsStore, clock, Optional.empty(), extraModules);
  }

  /**
   * Like {@link #create(RecallConfig, Relations, FeatureStore, boolean, Clock, Module...)}, with
   * one vector route per pretrained modality when {@code vectors} is present (the user vectors are
   * read from {@code store}, where {@link UserVectorLoader} put them).
   */
  public static RecallRuntime create(
      RecallConfig config,
      Relations relations,
      FeatureStore store,
      boolean ownsStore,
      Clock clock,
      Optional<VectorArtifacts> vectors,
      Module... extraModules) {
    requireNonNull(vectors, "vectors is null");
    RelationTables tables = new RelationTables(relations);
    List<Module> modules = new ArrayList<>();
    modules.add(new RecallModule(config, store, tables, clock));
    modules.add(new RoutesModule());
    // Graphs over large live sets are built one at a time, in the background: a queue of one
    // keeps only the next live set waiting (older ones would be stale when their turn came).
    ExecutorService vectorIndexBuilds = BoundedExecutors.create("vector-index-build", 1, 1);
    if (vectors.isPresent()) {
      VectorRecall recall =
          VectorRecall.create(
              vectors.get().vectors(),
              tables,
              config.vectorIndex(),
              vectorIndexBuilds,
              vectors.get().everyAnchorGraph());
      modules.add(new VectorRoutesModule(recall));
    }
    modules.addAll(List.of(extraModules));
    Injector injector = Guice.createInjector(modules);
    return new RecallRuntime(
        injector.getInstance(RecallEngine.class),
        store,
        ownsStore,
        injector.getInstance(Key.get(ExecutorService.class, Names.named("recall-route"))),
        vectorIndexBuilds);
  }

  /**
   * Opens the features and relations a served engine reads: with {@code storeUri} (a Redis URI) the
   * features loaded there by {@code onair features load}; without, an in-memory store filled from
   * the dataset (the one the relations were built from, unless {@code data} is given) with the
   * relations' window, so the histories end where the relations do. With pretrained vectors in
   * {@code artifacts} the vector routes are on; the in-memory store then also gets the user vectors
   * (a Redis store gets them from {@code onair features load}).
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
    Optional<VectorArtifacts> vectors = VectorArtifacts.load(artifacts);
    FeatureStore store;
    if (storeUri != null) {
      store = FeatureStores.open(storeUri, FeatureStoreConfig.defaults().withNamespace(namespace));
    } else {
      store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
      try {
        Dataset dataset =
            DatasetReader.read(data != null ? data : Path.of(relations.data()), progress);
        DatasetFeatureLoader.load(dataset, relations.window(), store, progress);
        if (vectors.isPresent()) {
          UserVectorLoader.load(vectors.get().vectors(), store, progress);
        }
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    }
    return create(config, relations, store, true, Clock.systemUTC(), vectors);
  }

  public RecallEngine engine() {
    return engine;
  }

  public FeatureStore store() {
    return store;
  }

  @Override
  public void close() {
    vectorIndexBuilds.shutdownNow();
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
