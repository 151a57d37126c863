package io.onair.gateway.testing;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.engine.RecallRuntime;
import io.onair.recall.eval.HeldOutRequest;
import io.onair.recall.eval.HeldOutRequests;
import io.onair.recall.grpc.RecallServer;
import io.onair.relations.Relations;
import io.onair.relations.RelationsConfig;
import io.onair.relations.RelationsJob;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The simulator's tiny world with its relations and a REAL recall server on loopback over a feature
 * store (in memory, or Redis for {@link #withStore}). The in-memory one is built once per JVM and
 * shared; tests use users of their own so that their events do not meet.
 */
public final class TinyServingWorld implements AutoCloseable {
  private static TinyServingWorld shared;
  private static Dataset dataset;
  private static DataWindow window;
  private static Relations relations;

  public final FeatureStore store;
  public final RecallRuntime recall;
  public final RecallServer recallServer;

  private TinyServingWorld(FeatureStore store) {
    this.store = store;
    DatasetFeatureLoader.load(dataset, window, store, Progress.NONE);
    this.recall =
        RecallRuntime.create(RecallConfig.defaults(), relations, store, false, Clock.systemUTC());
    this.recallServer = new RecallServer(new InetSocketAddress("127.0.0.1", 0), 4);
    recallServer.serve(recall.engine());
  }

  /** The shared world over an in-memory store. */
  public static synchronized TinyServingWorld get() {
    if (shared == null) {
      build();
      shared = new TinyServingWorld(FeatureStores.open("memory", FeatureStoreConfig.defaults()));
    }
    return shared;
  }

  /** A world of its own over {@code store} (loaded here); close it when done. */
  public static synchronized TinyServingWorld withStore(FeatureStore store) {
    build();
    return new TinyServingWorld(store);
  }

  private static void build() {
    if (dataset != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("onair-gateway-tiny");
      dir.toFile().deleteOnExit();
      new WorldSimulator().simulate(SimulationConfig.preset("tiny", 11), dir, Progress.NONE);
      dataset = DatasetReader.read(dir, Progress.NONE);
      window = DataWindow.of(dataset, 2);
      relations =
          RelationsJob.run(dataset, window, RelationsConfig.defaults(), Progress.NONE).relations();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Dataset dataset() {
    return dataset;
  }

  public Relations relations() {
    return relations;
  }

  /** Held-out requests (known users, real times with live anchors). */
  public List<HeldOutRequest> requests() {
    return HeldOutRequests.perUser(HeldOutRequests.of(dataset, window));
  }

  public String recallTarget() {
    return "127.0.0.1:" + recallServer.port();
  }

  @Override
  public void close() {
    recallServer.close();
    recall.close();
  }
}
