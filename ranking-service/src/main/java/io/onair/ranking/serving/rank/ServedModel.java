package io.onair.ranking.serving.rank;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetSpec;
import io.onair.ranking.export.RankingModelBundle;
import java.time.Instant;
import java.util.List;

/**
 * The model version that answered a request: name, version, the training data window and the
 * targets in target-graph order. Immutable.
 *
 * @param name the model's name
 * @param version the export's version id
 * @param windowStart first second of the training data (epoch seconds)
 * @param windowEnd first second after the training data (the held-out start)
 * @param targets the targets, parents first
 */
public record ServedModel(
    String name, String version, long windowStart, long windowEnd, List<TargetSpec> targets) {
  public ServedModel {
    requireNonNull(name, "name is null");
    requireNonNull(version, "version is null");
    targets = List.copyOf(requireNonNull(targets, "targets is null"));
  }

  /** The served model of a bundle loaded as {@code version}. */
  public static ServedModel of(String name, String version, RankingModelBundle bundle) {
    var window = bundle.card().window();
    return new ServedModel(
        name,
        version,
        epochSecond(window.get("start")),
        epochSecond(window.get("holdout_start")),
        bundle.targets().targets());
  }

  private static long epochSecond(Object isoInstant) {
    return isoInstant == null ? 0 : Instant.parse(isoInstant.toString()).getEpochSecond();
  }
}
