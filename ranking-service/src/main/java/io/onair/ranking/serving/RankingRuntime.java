package io.onair.ranking.serving;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.metrics.ServiceMetrics;
import io.onair.ranking.export.ModelArtifacts;
import io.onair.ranking.export.ModelCard;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.features.LiveActivityReader;
import io.onair.ranking.serving.features.UserFeatureReader;
import io.onair.ranking.serving.model.ModelRegistry;
import io.onair.ranking.serving.rank.Ranker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A loaded ranking service without its gRPC edge: the model registry (with its reload poller), the
 * feature store (when it opened it) and the {@link Ranker} over them. Build it with {@link #load},
 * hand {@link #ranker()} to a {@code RankingServer}, close it after the server.
 *
 * <p>Thread-safe.
 */
public final class RankingRuntime implements AutoCloseable {
  private static final System.Logger log = System.getLogger(RankingRuntime.class.getName());

  private final Ranker ranker;
  private final ModelRegistry registry;
  private final FeatureStore store;
  private final boolean ownsStore;
  private final ScheduledExecutorService reloadScheduler;

  private RankingRuntime(
      Ranker ranker,
      ModelRegistry registry,
      FeatureStore store,
      boolean ownsStore,
      ScheduledExecutorService reloadScheduler) {
    this.ranker = ranker;
    this.registry = registry;
    this.store = store;
    this.ownsStore = ownsStore;
    this.reloadScheduler = reloadScheduler;
  }

  /**
   * Loads and warms up every model {@code config} names from {@code artifacts}, and starts polling
   * their {@code CURRENT} pointers every {@code reloadIntervalMillis} (unless 0). The store stays
   * the caller's: {@link #close()} does not close it.
   *
   * @throws IllegalArgumentException when a configured model was never exported
   */
  public static RankingRuntime load(
      Path artifacts, FeatureStore store, RankingConfig config, ServiceMetrics metrics) {
    return load(artifacts, store, false, config, metrics, Clock.systemUTC());
  }

  /**
   * As {@link #load(Path, FeatureStore, RankingConfig, ServiceMetrics)}, with a store opened here:
   * {@code storeUri} (a Redis URI, features loaded by {@code onair features load}) or, when null,
   * an in-memory store filled from the dataset at {@code data} up to the default model's held-out
   * start (the histories end where its training data does). {@link #close()} closes that store.
   */
  public static RankingRuntime load(
      Path artifacts,
      String storeUri,
      String namespace,
      Path data,
      RankingConfig config,
      ServiceMetrics metrics,
      Progress progress) {
    requireNonNull(artifacts, "artifacts is null");
    FeatureStore store;
    if (storeUri != null) {
      store = FeatureStores.open(storeUri, FeatureStoreConfig.defaults().withNamespace(namespace));
    } else {
      if (data == null) {
        throw new IllegalArgumentException("give --redis URL or --data DIR for the features");
      }
      store = FeatureStores.open("memory", FeatureStoreConfig.defaults());
      try {
        Dataset dataset = DatasetReader.read(data, progress);
        DatasetFeatureLoader.load(
            dataset, trainingWindow(artifacts, config.defaultModel(), dataset), store, progress);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    }
    try {
      return load(artifacts, store, true, config, metrics, Clock.systemUTC());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The data window model {@code name} was trained with, on {@code dataset}. */
  public static DataWindow trainingWindow(Path artifacts, String name, Dataset dataset) {
    ModelCard card =
        ModelArtifacts.readCard(
            ModelArtifacts.currentDirectory(ModelArtifacts.modelDirectory(artifacts, name)));
    return DataWindow.of(dataset, ((Number) card.trainingConfig().get("holdout_days")).intValue());
  }

  static RankingRuntime load(
      Path artifacts,
      FeatureStore store,
      boolean ownsStore,
      RankingConfig config,
      ServiceMetrics metrics,
      Clock clock) {
    requireNonNull(artifacts, "artifacts is null");
    requireNonNull(store, "store is null");
    requireNonNull(config, "config is null");
    requireNonNull(metrics, "metrics is null");
    ModelRegistry registry =
        ModelRegistry.load(artifacts, config.modelNames(), config.intraOpThreads(), metrics);
    ScheduledExecutorService scheduler = null;
    try {
      Ranker ranker =
          new Ranker(
              config, registry, new UserFeatureReader(store), new LiveActivityReader(store), clock);
      if (config.reloadIntervalMillis() > 0) {
        // one named daemon thread: loading a model takes seconds and must not hold a call thread
        scheduler =
            Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "ranking-model-reload");
                  thread.setDaemon(true);
                  return thread;
                });
        registry.startPolling(scheduler, Duration.ofMillis(config.reloadIntervalMillis()));
      }
      for (String name : registry.names()) {
        log.log(
            System.Logger.Level.INFO,
            "ranking model '" + name + "' version " + registry.version(name) + " loaded");
      }
      return new RankingRuntime(ranker, registry, store, ownsStore, scheduler);
    } catch (RuntimeException e) {
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
      registry.close();
      throw e;
    }
  }

  public Ranker ranker() {
    return ranker;
  }

  public ModelRegistry registry() {
    return registry;
  }

  public FeatureStore store() {
    return store;
  }

  /**
   * Stops the reload poller, releases the models (each closes after its last call) and the store.
   */
  @Override
  public void close() {
    if (reloadScheduler != null) {
      reloadScheduler.shutdownNow();
      try {
        reloadScheduler.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    registry.close();
    if (ownsStore) {
      store.close();
    }
  }
}
