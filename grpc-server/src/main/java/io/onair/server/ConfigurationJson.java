package io.onair.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/**
 * What every service's configuration loader does the same way: read a JSON file or text, say which
 * file a bad value came from, and refuse unknown keys (a misspelt key must not silently leave its
 * default in place). Each loader keeps its own keys, types and defaults. Stateless and thread-safe.
 */
public final class ConfigurationJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigurationJson() {}

  /**
   * Reads {@code file} and builds the configuration with {@code parse}; a bad value's message is
   * prefixed with the file.
   *
   * @param what the service, as in "the recall configuration"
   * @throws UncheckedIOException when the file cannot be read or is not JSON
   * @throws IllegalArgumentException when {@code parse} refuses the content
   */
  public static <T> T load(Path file, String what, Function<JsonNode, T> parse) {
    requireNonNull(file, "file is null");
    JsonNode tree;
    try {
      tree = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + what + " configuration " + file, e);
    }
    try {
      return parse.apply(tree);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Builds the configuration in the JSON text {@code json} with {@code parse}.
   *
   * @throws IllegalArgumentException when the text is not JSON or {@code parse} refuses it
   */
  public static <T> T parse(String json, String what, Function<JsonNode, T> parse) {
    requireNonNull(json, "json is null");
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the " + what + " configuration is not JSON: " + e, e);
    }
    return parse.apply(tree);
  }

  /**
   * Refuses a key of {@code node} that is not in {@code keys}, naming it with its path ({@code
   * prefix} + key) and the known keys, sorted.
   */
  public static void requireKnownKeys(JsonNode node, Set<String> keys, String prefix) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!keys.contains(name)) {
                throw new IllegalArgumentException(
                    "unknown configuration key '"
                        + prefix
                        + name
                        + "' (known: "
                        + String.join(", ", keys.stream().sorted().toList())
                        + ")");
              }
            });
  }
}
