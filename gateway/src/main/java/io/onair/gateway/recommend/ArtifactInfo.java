package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

/** The version of an offline artifact recall answered with, and its data window. */
public record ArtifactInfo(String name, String version, long windowStart, long windowEnd) {
  public ArtifactInfo {
    requireNonNull(name, "name is null");
    requireNonNull(version, "version is null");
  }
}
