package io.onair.dataset.manifest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One target (a label column of impressions.csv) with the targets it depends on. */
public record TargetSpec(String name, List<String> parents, TargetKind kind) {
  public TargetSpec {
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    if (!DatasetFile.isIdentifier(name)) {
      throw new IllegalArgumentException(
          "target name '" + name + "' must be lower-case letters, digits and '_'");
    }
    parents = List.copyOf(requireNonNull(parents, "parents is null"));
  }

  public static TargetSpec of(String name, String... parents) {
    return new TargetSpec(name, List.of(parents), TargetKind.defaultFor(name));
  }
}
