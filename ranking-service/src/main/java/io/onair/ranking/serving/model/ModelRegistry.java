package io.onair.ranking.serving.model;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.onair.features.UserFeatures;
import io.onair.metrics.ServiceMetrics;
import io.onair.ranking.export.ModelArtifacts;
import io.onair.ranking.export.RankingModelBundle;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.LiveActivity;
import io.onair.ranking.serving.features.OnlineFeatures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The served ranking models, one current version each, hot-reloaded from the artifacts.
 *
 * <p>{@link #reload()} (called by the poller every {@code reloadIntervalMillis}, or by tests) reads
 * each model's {@code ranking/<name>/CURRENT}; when it names a version other than the one serving,
 * it loads that version, warms it up with one scoring call, and swaps it in atomically. Calls hold
 * a {@link ModelLease} for as long as they score, so the old version's bundle is closed only when
 * the last call on it has finished (reference counting): native memory does not pile up across
 * reloads and no call ever sees a closed session. A version that fails to load or warm up is logged
 * and counted ({@code onair_model_reloads_total{outcome="failed"}}), and the old version keeps
 * serving; the next poll tries again.
 *
 * <p>Thread-safe: {@link #lease} from any number of threads; {@link #reload} is serialized.
 */
public final class ModelRegistry implements AutoCloseable {
  private static final System.Logger log = System.getLogger(ModelRegistry.class.getName());

  private final Path artifacts;
  private final int intraOpThreads;
  private final ServiceMetrics metrics;
  private final Map<String, AtomicReference<LoadedModel>> models = new LinkedHashMap<>();

  /** Per model, the last version that failed to load: not retried until CURRENT changes. */
  private final Map<String, String> refused = new java.util.concurrent.ConcurrentHashMap<>();

  private final AtomicInteger openBundles = new AtomicInteger();
  private final Object reloadLock = new Object();
  private volatile boolean closed;
  private ScheduledFuture<?> polling;

  private ModelRegistry(Path artifacts, int intraOpThreads, ServiceMetrics metrics) {
    this.artifacts = artifacts;
    this.intraOpThreads = intraOpThreads;
    this.metrics = metrics;
  }

  /**
   * Loads and warms up the current version of every model in {@code names}.
   *
   * @throws IllegalArgumentException when a model has no export under {@code artifacts}
   */
  public static ModelRegistry load(
      Path artifacts, List<String> names, int intraOpThreads, ServiceMetrics metrics) {
    requireNonNull(artifacts, "artifacts is null");
    requireNonNull(names, "names is null");
    requireNonNull(metrics, "metrics is null");
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no model to serve");
    }
    ModelRegistry registry = new ModelRegistry(artifacts, intraOpThreads, metrics);
    try {
      for (String name : names) {
        Path directory = ModelArtifacts.modelDirectory(artifacts, name);
        String version =
            ModelArtifacts.currentVersion(directory)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no ranking model '"
                                + name
                                + "' under "
                                + artifacts
                                + " (train it with onair train --model ... --name "
                                + name
                                + ")"));
        registry.models.put(name, new AtomicReference<>(registry.loadVersion(name, version)));
      }
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** The served model names. */
  public Set<String> names() {
    return models.keySet();
  }

  /** True iff {@code name} is served. */
  public boolean serves(String name) {
    return models.containsKey(name);
  }

  /**
   * Leases the current version of model {@code name}; close the lease when the call is done.
   *
   * @throws NoSuchElementException when the model is not served
   * @throws IllegalStateException when the registry is closed
   */
  public ModelLease lease(String name) {
    AtomicReference<LoadedModel> slot = models.get(name);
    if (slot == null) {
      throw new NoSuchElementException("model '" + name + "' is not served");
    }
    while (true) {
      if (closed) {
        throw new IllegalStateException("the model registry is closed");
      }
      LoadedModel model = slot.get();
      if (model.retain()) {
        return new ModelLease(model);
      }
      // swapped and released between get and retain: the slot holds a newer version now
    }
  }

  /** The version of {@code name} serving now. */
  public String version(String name) {
    AtomicReference<LoadedModel> slot = models.get(name);
    if (slot == null) {
      throw new NoSuchElementException("model '" + name + "' is not served");
    }
    return slot.get().version();
  }

  /**
   * Swaps in the version each model's {@code CURRENT} names, where it changed. A model whose new
   * version fails to load keeps its old version, and that version is not tried again (a fixed
   * export is a new version).
   *
   * @return the models swapped, name to new version
   */
  public Map<String, String> reload() {
    Map<String, String> swapped = new LinkedHashMap<>();
    synchronized (reloadLock) {
      for (Map.Entry<String, AtomicReference<LoadedModel>> entry : models.entrySet()) {
        if (closed) {
          break;
        }
        String name = entry.getKey();
        AtomicReference<LoadedModel> slot = entry.getValue();
        String serving = slot.get().version();
        LoadedModel next;
        try {
          Optional<String> current =
              ModelArtifacts.currentVersion(ModelArtifacts.modelDirectory(artifacts, name));
          if (current.isEmpty()
              || current.get().equals(serving)
              || current.get().equals(refused.get(name))) {
            continue;
          }
          try {
            next = loadVersion(name, current.get());
          } catch (RuntimeException e) {
            refused.put(name, current.get());
            throw e;
          }
        } catch (RuntimeException e) {
          reloads(name, "failed").increment();
          log.log(
              System.Logger.Level.WARNING,
              "cannot load a new version of ranking model '"
                  + name
                  + "'; version "
                  + serving
                  + " keeps serving",
              e);
          continue;
        }
        LoadedModel old = slot.getAndSet(next);
        old.release();
        swapped.put(name, next.version());
        log.log(
            System.Logger.Level.INFO,
            "ranking model '"
                + name
                + "' now serves version "
                + next.version()
                + " (was "
                + serving
                + ")");
      }
    }
    return swapped;
  }

  /** Polls for new versions every {@code interval} on {@code scheduler} until {@link #close()}. */
  public void startPolling(ScheduledExecutorService scheduler, Duration interval) {
    requireNonNull(scheduler, "scheduler is null");
    long millis = interval.toMillis();
    if (millis < 1) {
      throw new IllegalArgumentException("the reload interval must be >= 1 ms, got " + interval);
    }
    synchronized (reloadLock) {
      if (polling != null) {
        throw new IllegalStateException("already polling");
      }
      polling =
          scheduler.scheduleWithFixedDelay(
              this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.log(System.Logger.Level.ERROR, "model reload failed", e);
    }
  }

  /** How many model bundles are open: one per served model, plus versions still in use by calls. */
  public int openBundles() {
    return openBundles.get();
  }

  private LoadedModel loadVersion(String name, String version) {
    Path directory =
        ModelArtifacts.versionDirectory(ModelArtifacts.modelDirectory(artifacts, name), version);
    RankingModelBundle bundle = RankingModelBundle.load(directory, intraOpThreads);
    openBundles.incrementAndGet();
    LoadedModel model = new LoadedModel(name, version, bundle, openBundles::decrementAndGet);
    try {
      warmUp(bundle);
    } catch (RuntimeException e) {
      model.release();
      throw e;
    }
    reloads(name, "loaded").increment();
    metrics.modelVersion(name, version);
    return model;
  }

  /**
   * One scoring call before the version serves, so the first real call does not pay for
   * TensorFlow's lazy initialization, and a broken export is refused before it is swapped in.
   */
  private static void warmUp(RankingModelBundle bundle) {
    List<String> scenarios = bundle.vocabulary().file().scenarios();
    EncodedBatch batch = new EncodedBatch(bundle.encoder().layout(), 1);
    bundle
        .encoder()
        .encode(
            bundle
                .vocabulary()
                .context(
                    OnlineFeatures.context(
                        UserFeatures.unknown("warm-up"),
                        scenarios.get(0),
                        0,
                        Optional.empty(),
                        bundle.encoder().layout().historyLength())),
            bundle.vocabulary().candidate(bundle.vocabulary().anchorCount() > 0 ? 1 : 0),
            LiveActivity.none(0),
            batch);
    float[][] scores = bundle.score(batch);
    for (int t = 0; t < scores.length; t++) {
      if (!Float.isFinite(scores[t][0])) {
        throw new IllegalStateException(
            "the model's warm-up prediction of " + bundle.targets().name(t) + " is not finite");
      }
    }
  }

  private Counter reloads(String name, String outcome) {
    return Counter.builder("onair.model.reloads")
        .description("Model versions loaded or refused, by model and outcome")
        .tag("service", metrics.service())
        .tag("model", name)
        .tag("outcome", outcome)
        .register(metrics.registry());
  }

  /**
   * Stops polling and releases the registry's reference to every version; each bundle closes as
   * soon as no call uses it. Leases after this fail.
   */
  @Override
  public void close() {
    synchronized (reloadLock) {
      if (closed) {
        return;
      }
      closed = true;
      if (polling != null) {
        polling.cancel(false);
      }
      List<LoadedModel> held = new ArrayList<>();
      models.values().forEach(slot -> held.add(slot.get()));
      held.forEach(LoadedModel::release);
    }
  }
}
