package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetSpec;
import java.util.List;

/**
 * The ranking model that produced a ranking answer, with its targets in target-graph order (the
 * graph fusion runs over).
 */
public record ModelInfo(
    String modelName, String version, long windowStart, long windowEnd, List<TargetSpec> targets) {
  public ModelInfo {
    requireNonNull(modelName, "modelName is null");
    requireNonNull(version, "version is null");
    targets = List.copyOf(requireNonNull(targets, "targets is null"));
  }
}
