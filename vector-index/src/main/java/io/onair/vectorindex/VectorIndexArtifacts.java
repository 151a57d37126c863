package io.onair.vectorindex;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.onair.dataset.artifacts.VersionedDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A graph over every anchor vector, saved as a versioned artifact so a service need not rebuild it
 * at each start:
 *
 * <pre>
 * &lt;artifacts&gt;/vector-index/CURRENT                 the current version id, written last
 * &lt;artifacts&gt;/vector-index/versions/&lt;id&gt;/card.json  format, source (the pretrained vectors' version), parameters, size
 * &lt;artifacts&gt;/vector-index/versions/&lt;id&gt;/hnsw.bin   the graph with its vectors
 * </pre>
 *
 * A version is published with {@link VersionedDirectory} (complete directory renamed into place,
 * then CURRENT replaced atomically), so a reader never sees a half-written index. The card names
 * the pretrained vectors it was built from: a reader uses the graph only when that matches the
 * vectors it serves. Stateless and thread-safe.
 */
public final class VectorIndexArtifacts {
  public static final String FORMAT = "onair-vector-index/1";
  public static final String DIRECTORY = "vector-index";
  private static final String CARD = "card.json";
  private static final int KEPT_VERSIONS = 3;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * What a saved index says about itself.
   *
   * @param format {@link #FORMAT}
   * @param source the version of the vectors the graph was built from
   * @param m the graph's M
   * @param efConstruction the graph's efConstruction
   * @param ef the search ef it was saved with
   * @param size how many vectors it covers
   * @param dimension their dimension
   */
  public record Card(
      String format, String source, int m, int efConstruction, int ef, int size, int dimension) {}

  /** A loaded index: its version id, card and graph. */
  public record Loaded(String version, Card card, HnswSearch graph) {}

  private VectorIndexArtifacts() {}

  private static VersionedDirectory versions(Path artifacts) {
    return new VersionedDirectory(
        requireNonNull(artifacts, "artifacts is null").resolve(DIRECTORY),
        "vector index",
        KEPT_VERSIONS);
  }

  /** Whether {@code artifacts} holds a current vector index. */
  public static boolean exists(Path artifacts) {
    return Files.isRegularFile(versions(artifacts).root().resolve(VersionedDirectory.CURRENT));
  }

  /** Saves {@code graph}, built from vectors of version {@code source}, as the current version. */
  public static String publish(Path artifacts, HnswSearch graph, String source) {
    requireNonNull(graph, "graph is null");
    requireNonNull(source, "source is null");
    HnswParameters p = graph.parameters();
    Card card =
        new Card(
            FORMAT, source, p.m(), p.efConstruction(), p.ef(), graph.size(), graph.dimension());
    return versions(artifacts)
        .publish(
            directory -> {
              graph.save(directory);
              JSON.writeValue(directory.resolve(CARD).toFile(), card);
            });
  }

  /**
   * Loads the current version, or empty when there is none.
   *
   * @throws IllegalArgumentException when the current version is unreadable
   */
  public static Optional<Loaded> loadCurrent(Path artifacts) {
    VersionedDirectory versions = versions(artifacts);
    Optional<String> version = versions.currentVersion();
    if (version.isEmpty()) {
      return Optional.empty();
    }
    Path directory = versions.versionDirectory(version.get());
    Card card;
    try {
      card = JSON.readValue(directory.resolve(CARD).toFile(), Card.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + directory.resolve(CARD) + ": " + e, e);
    }
    if (!FORMAT.equals(card.format())) {
      throw new IllegalArgumentException(
          directory.resolve(CARD) + " has format '" + card.format() + "', expected " + FORMAT);
    }
    return Optional.of(new Loaded(version.get(), card, HnswSearch.load(directory)));
  }
}
