package io.onair.dataset.manifest;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code manifest.json} of an {@code onair-dataset/1} directory: the dataset's name, its
 * targets with their parents, its scenarios and its declared feature columns.
 */
public record DatasetManifest(
    String format,
    String name,
    Optional<String> description,
    Optional<String> source,
    List<TargetSpec> targets,
    List<String> scenarios,
    List<FeatureSpec> features) {

  public static final String FORMAT = "onair-dataset/1";

  public DatasetManifest {
    requireNonNull(format, "format is null");
    requireNonNull(name, "name is null");
    requireNonNull(description, "description is null");
    requireNonNull(source, "source is null");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(
          "format must be \"" + FORMAT + "\", found \"" + format + "\"");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    targets = List.copyOf(requireNonNull(targets, "targets is null"));
    scenarios = List.copyOf(requireNonNull(scenarios, "scenarios is null"));
    features = List.copyOf(requireNonNull(features, "features is null"));
    TargetGraph.of(targets); // validates parents and cycles
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("at least one scenario must be declared");
    }
    Set<String> seen = new HashSet<>();
    for (String scenario : scenarios) {
      if (scenario.isBlank() || !seen.add(scenario)) {
        throw new IllegalArgumentException("scenario '" + scenario + "' is blank or repeated");
      }
    }
    if (scenarios.size() > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " scenarios are supported");
    }
    Set<String> featureKeys = new HashSet<>();
    for (FeatureSpec feature : features) {
      if (!featureKeys.add(feature.file() + "/" + feature.name())) {
        throw new IllegalArgumentException(
            "feature '" + feature.name() + "' is declared twice on " + feature.file().fileName());
      }
    }
  }

  public static DatasetManifest of(
      String name,
      String description,
      String source,
      List<TargetSpec> targets,
      List<String> scenarios,
      List<FeatureSpec> features) {
    return new DatasetManifest(
        FORMAT,
        name,
        Optional.ofNullable(description),
        Optional.ofNullable(source),
        targets,
        scenarios,
        features);
  }

  public TargetGraph targetGraph() {
    return TargetGraph.of(targets);
  }

  /** The declared features of one file, in declaration order. */
  public List<FeatureSpec> featuresOf(DatasetFile file) {
    return features.stream().filter(f -> f.file() == file).toList();
  }

  public int scenarioIndex(String scenario) {
    return scenarios.indexOf(scenario);
  }
}
