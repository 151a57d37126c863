package io.onair.dataset.manifest;

import static java.util.Objects.requireNonNull;

/** An extra column declared in the manifest: its name, the file that holds it and its type. */
public record FeatureSpec(String name, DatasetFile file, FeatureType type) {
  public FeatureSpec {
    requireNonNull(name, "name is null");
    requireNonNull(file, "file is null");
    requireNonNull(type, "type is null");
    if (!DatasetFile.isIdentifier(name)) {
      throw new IllegalArgumentException(
          "feature name '" + name + "' must be lower-case letters, digits and '_'");
    }
    if (!file.acceptsFeatures()) {
      throw new IllegalArgumentException(
          "feature '"
              + name
              + "' is declared on "
              + file.fileName()
              + ", but only users.csv, anchors.csv and items.csv take declared features");
    }
    if (file.requiredColumns().contains(name)) {
      throw new IllegalArgumentException(
          "feature '" + name + "' repeats a required column of " + file.fileName());
    }
  }
}
