package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import java.util.List;

/**
 * Every impression of a dataset, encoded, in time order, with what training and evaluation need
 * beside the features: labels per target (target graph order), the truth per binary target when the
 * dataset has it (null per numeric target), the user (for GAUC), the time (for the split), the
 * scenario, and the simulator's refer interest when the dataset has it ({@code referLiked}: 1 the
 * user liked the refer room, 0 not, -1 no refer room; null without it). Holds large arrays; callers
 * must not change them. Thread-safe for reading.
 */
public record EncodedExamples(
    FeatureLayout layout,
    TargetGraph targets,
    List<String> scenarios,
    EncodedBatch features,
    float[][] labels,
    float[][] truth,
    int[] users,
    long[] timestamps,
    byte[] referLiked) {
  public EncodedExamples {
    requireNonNull(layout, "layout is null");
    requireNonNull(targets, "targets is null");
    requireNonNull(scenarios, "scenarios is null");
    requireNonNull(features, "features is null");
    requireNonNull(labels, "labels is null");
    requireNonNull(users, "users is null");
    requireNonNull(timestamps, "timestamps is null");
    if (referLiked != null && referLiked.length != users.length) {
      throw new IllegalArgumentException("one refer interest per row is needed");
    }
    if (labels.length != targets.size()) {
      throw new IllegalArgumentException("one label column per target is needed");
    }
  }

  public int size() {
    return users.length;
  }

  public int scenario(int row) {
    return features.scenario(row);
  }

  /** True when the dataset's truth/ says whether users liked their refer rooms. */
  public boolean hasReferInterest() {
    return referLiked != null;
  }

  /** True when the dataset came with truth/ (the simulator's). */
  public boolean hasTruth() {
    return truth != null;
  }
}
