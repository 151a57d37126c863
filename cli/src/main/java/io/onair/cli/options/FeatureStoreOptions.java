package io.onair.cli.options;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.relations.Relations;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Where a command's online features live (a picocli mixin): {@code --redis} and {@code
 * --namespace}, and the one way to open that store, Redis or in memory loaded from a dataset.
 *
 * <p>A command whose {@code --redis} does more than read features (the gateway writes events there)
 * gives its own help under the key {@code redis} in its resource bundle. Not thread-safe; picocli
 * fills it once before the command runs.
 */
public final class FeatureStoreOptions {
  @Option(
      names = "--redis",
      descriptionKey = "redis",
      paramLabel = "URL",
      description = "Read features from Redis (loaded by onair features load).")
  String redis;

  @Option(
      names = "--namespace",
      defaultValue = FeatureStoreConfig.DEFAULT_NAMESPACE,
      paramLabel = "NAME",
      description = "The Redis key prefix (default: ${DEFAULT-VALUE}).")
  String namespace;

  /** The Redis URL, or null when features are held in memory. */
  public String redis() {
    return redis;
  }

  public String namespace() {
    return namespace;
  }

  /** True without {@code --redis}: the features are loaded into this process's memory. */
  public boolean inMemory() {
    return redis == null;
  }

  /** The default store configuration in this namespace. */
  public FeatureStoreConfig config() {
    return FeatureStoreConfig.defaults().withNamespace(namespace);
  }

  /** This namespace with the given exposure window (the gateway's) and the default history. */
  public FeatureStoreConfig config(long exposureWindowSeconds) {
    return new FeatureStoreConfig(
        namespace, exposureWindowSeconds, FeatureStoreConfig.DEFAULT_HISTORY_MAX_LENGTH);
  }

  /**
   * Opens Redis, or without {@code --redis} an in-memory store filled with the dataset's features
   * over {@code window}; the dataset is asked for only then. The caller closes the store.
   */
  public FeatureStore open(
      FeatureStoreConfig config, Supplier<Dataset> dataset, DataWindow window, Progress progress) {
    if (redis != null) {
      return FeatureStores.open(redis, config);
    }
    FeatureStore store = FeatureStores.open("memory", config);
    try {
      DatasetFeatureLoader.load(dataset.get(), window, store, progress);
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * For serving: Redis, or in memory from {@code data} (when null, the dataset the relations were
   * built from) over the relations' window; the relations are asked for only then.
   */
  public FeatureStore openForServing(
      FeatureStoreConfig config, Path data, Supplier<Relations> relations, Progress progress) {
    if (redis != null) {
      return FeatureStores.open(redis, config);
    }
    Relations built = relations.get();
    return open(
        config,
        () -> DatasetReader.read(data != null ? data : Path.of(built.data()), progress),
        built.window(),
        progress);
  }
}
