package io.onair.recall.engine;

import com.google.inject.Module;
import io.onair.recall.config.RecallConfig;

/** Shares the engine test's faulty routes and configuration with the gRPC tests. */
public final class RecallEngineTestFixtures {
  private RecallEngineTestFixtures() {}

  public static RecallConfig faultyConfig() {
    return RecallEngineTest.faultyConfig();
  }

  public static Module faultyRoutes() {
    return new RecallEngineTest.FaultyRoutes();
  }
}
