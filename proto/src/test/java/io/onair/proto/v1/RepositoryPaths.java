package io.onair.proto.v1;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the repository from tests, wherever Maven was started. */
final class RepositoryPaths {
  private RepositoryPaths() {}

  /**
   * Resolves a path relative to the repository root, given by the {@code onair.repository.root}
   * system property that the parent POM sets for tests, or found from the module directory.
   */
  static Path resolve(String relative) {
    String configured = System.getProperty("onair.repository.root");
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("").toAbsolutePath().getParent();
    Path resolved = root.resolve(relative);
    if (!Files.exists(resolved)) {
      throw new IllegalStateException(relative + " not found under the repository root " + root);
    }
    return resolved;
  }
}
