package io.onair.recall.grpc;

import com.google.inject.Module;
import io.onair.recall.config.RecallConfig;
import io.onair.recall.engine.RecallEngineTestFixtures;

/** The engine test's faulty routes and configuration, for the gRPC tests. */
final class RecallEngineTestAccess {
  private RecallEngineTestAccess() {}

  static RecallConfig faultyConfig() {
    return RecallEngineTestFixtures.faultyConfig();
  }

  static Module faultyRoutes() {
    return RecallEngineTestFixtures.faultyRoutes();
  }
}
