package io.onair.simulator.output;

import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.manifest.FeatureSpec;
import io.onair.dataset.manifest.FeatureType;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.simulator.SimulationConfig;
import java.util.List;

/** The manifest of a simulated dataset: targets in graph order, scenarios, declared features. */
public final class SimulatorManifest {
  /** The targets, parents before children, in the order of the label columns. */
  public static final List<TargetSpec> TARGETS =
      List.of(
          TargetSpec.of("click"),
          TargetSpec.of("view10s", "click"),
          TargetSpec.of("watch_seconds", "click"),
          TargetSpec.of("like", "click"),
          TargetSpec.of("comment", "click"),
          TargetSpec.of("follow", "click"),
          TargetSpec.of("bag_click", "click"),
          TargetSpec.of("cart", "bag_click"),
          TargetSpec.of("purchase", "cart"),
          TargetSpec.of("gmv", "purchase"));

  public static final List<FeatureSpec> FEATURES =
      List.of(
          new FeatureSpec("age_band", DatasetFile.USERS, FeatureType.CATEGORICAL),
          new FeatureSpec("gender", DatasetFile.USERS, FeatureType.CATEGORICAL),
          new FeatureSpec("city_tier", DatasetFile.USERS, FeatureType.CATEGORICAL),
          new FeatureSpec("fans_level", DatasetFile.ANCHORS, FeatureType.CATEGORICAL),
          new FeatureSpec("is_brand", DatasetFile.ITEMS, FeatureType.CATEGORICAL));

  private SimulatorManifest() {}

  public static DatasetManifest of(SimulationConfig config) {
    return DatasetManifest.of(
        "simulated-" + config.preset() + "-" + config.seed(),
        "A synthetic live-streaming world from the OnAir simulator (preset "
            + config.preset()
            + ", seed "
            + config.seed()
            + "). truth/ holds the true probability of every binary label.",
        "onair-simulator",
        TARGETS,
        SimulationConfig.SCENARIO_NAMES,
        FEATURES);
  }
}
