package io.onair.dataset.artifacts;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A directory of immutable versions of one artifact, with a {@code CURRENT} pointer, written so
 * that a running reader can pick up a new version safely.
 *
 * <pre>
 * &lt;root&gt;/CURRENT                 the current version id (one line)
 * &lt;root&gt;/versions/&lt;version&gt;/    the files of one version
 * </pre>
 *
 * <p>{@link #publish} fills a hidden temporary directory, renames it to {@code versions/<version>}
 * when it is complete, then replaces {@code CURRENT} atomically (a temporary file moved with {@link
 * StandardCopyOption#ATOMIC_MOVE}): a reader sees the old version or the new one, never a
 * half-written one. It then keeps the newest {@code kept} versions and deletes older ones, never
 * the current one. A version id is the publication time (UTC, milliseconds, so ids sort by time)
 * and a short hash of the files: {@code 20261129T221503.123Z-3fa9c2d1}.
 *
 * <p>Immutable. One writer per directory at a time; any number of readers.
 *
 * @param root the artifact's directory
 * @param description what the artifact is, for messages ("pretrained vectors")
 * @param kept how many versions {@link #publish} keeps (at least 1)
 */
public record VersionedDirectory(Path root, String description, int kept) {
  /** The pointer file naming the current version. */
  public static final String CURRENT = "CURRENT";

  /** The directory holding one sub-directory per version. */
  public static final String VERSIONS = "versions";

  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern VERSION =
      Pattern.compile("[0-9]{8}T[0-9]{6}\\.[0-9]{3}Z-[0-9a-f]{8}");

  /** Fills a new version's directory with its files. */
  @FunctionalInterface
  public interface Writer {
    void write(Path directory) throws IOException;
  }

  /** Writes the files that name the version (a card), after the id is known. */
  @FunctionalInterface
  public interface Stamp {
    void write(Path directory, String version) throws IOException;
  }

  public VersionedDirectory {
    requireNonNull(root, "root is null");
    requireNonNull(description, "description is null");
    if (kept < 1) {
      throw new IllegalArgumentException("kept must be >= 1, got " + kept);
    }
  }

  /** Whether {@code version} has the shape of a version id. */
  public static boolean isVersionId(String version) {
    return version != null && VERSION.matcher(version).matches();
  }

  /** The directory of one version. */
  public Path versionDirectory(String version) {
    if (!isVersionId(version)) {
      throw new IllegalArgumentException("'" + version + "' is not a version id");
    }
    return root.resolve(VERSIONS).resolve(version);
  }

  /**
   * The version {@code CURRENT} names, or empty when nothing was published.
   *
   * @throws IllegalArgumentException when {@code CURRENT} does not hold a version id
   */
  public Optional<String> currentVersion() {
    Path pointer = root.resolve(CURRENT);
    String version;
    try {
      version = Files.readString(pointer, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
    if (!isVersionId(version)) {
      throw new IllegalArgumentException(pointer + " holds '" + version + "', not a version id");
    }
    return Optional.of(version);
  }

  /**
   * The directory of the current version.
   *
   * @throws IllegalArgumentException when nothing was published
   */
  public Path currentDirectory() {
    String version =
        currentVersion()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no " + description + " at " + root + " (" + CURRENT + " is missing)"));
    return versionDirectory(version);
  }

  /** The published versions, oldest first. */
  public List<String> versions() {
    Path versions = root.resolve(VERSIONS);
    if (!Files.isDirectory(versions)) {
      return List.of();
    }
    try (var children = Files.list(versions)) {
      return children
          .map(path -> path.getFileName().toString())
          .filter(VersionedDirectory::isVersionId)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + versions, e);
    }
  }

  /**
   * Writes a new version with {@code writer}, makes it current and prunes old versions. Returns the
   * new version id, which hashes the files the writer wrote.
   */
  public String publish(Writer writer) {
    return publish(writer, (directory, version) -> {});
  }

  /**
   * As {@link #publish(Writer)}, and once the id is known (it hashes what {@code writer} wrote),
   * {@code stamp} adds the files that name it before the version becomes visible.
   */
  public String publish(Writer writer, Stamp stamp) {
    requireNonNull(writer, "writer is null");
    requireNonNull(stamp, "stamp is null");
    Path temporary = null;
    try {
      Files.createDirectories(root.resolve(VERSIONS));
      temporary = Files.createTempDirectory(root.resolve(VERSIONS), ".publish-");
      writer.write(temporary);
      String hash = contentHash(temporary);
      String version;
      Path target;
      do {
        version = VERSION_TIME.format(Instant.now()) + "-" + hash;
        target = root.resolve(VERSIONS).resolve(version);
      } while (Files.exists(target) && sleepOneMillisecond());
      stamp.write(temporary, version);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
      Path pointerTemporary = Files.createTempFile(root, ".current-", ".tmp");
      Files.writeString(pointerTemporary, version + "\n", StandardCharsets.UTF_8);
      Files.move(pointerTemporary, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
      prune(version);
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + description + " to " + root, e);
    } finally {
      if (temporary != null) {
        try {
          deleteRecursively(temporary);
        } catch (IOException e) {
          // the write already failed; a hidden temporary directory left behind is harmless
        }
      }
    }
  }

  /**
   * Keeps the newest {@code kept} versions and {@code current}. A reader that loaded an older
   * version holds it in memory, so deleting its files does not disturb it.
   */
  private void prune(String current) throws IOException {
    List<String> versions = versions();
    for (int i = 0; i < versions.size() - kept; i++) {
      if (!versions.get(i).equals(current)) {
        deleteRecursively(root.resolve(VERSIONS).resolve(versions.get(i)));
      }
    }
  }

  private static boolean sleepOneMillisecond() {
    try {
      Thread.sleep(1);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while naming the version", e);
    }
  }

  /** The first 8 hex digits of SHA-256 over every file (relative path and bytes). */
  private static String contentHash(Path root) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    List<Path> files;
    try (var paths = Files.walk(root)) {
      files = paths.filter(Files::isRegularFile).sorted().toList();
    }
    byte[] buffer = new byte[1 << 16];
    for (Path file : files) {
      digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(file)) {
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
  }

  /** Deletes a directory tree; an absent one is fine. */
  public static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
