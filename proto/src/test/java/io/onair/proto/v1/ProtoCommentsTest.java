package io.onair.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The .proto comments are the API reference: every service, rpc, message, enum, oneof, field and
 * enum value has a comment on the line right above it.
 */
class ProtoCommentsTest {
  private static final Path PROTO_DIR = RepositoryPaths.resolve("proto/src/main/proto/onair/v1");

  /** Lines that declare something a reader must have explained. */
  private static final Pattern DECLARATION =
      Pattern.compile(
          "^(service|rpc|message|enum|oneof)\\s+\\w+.*"
              + "|^(repeated\\s+|optional\\s+)?[\\w.<>, ]+\\s+\\w+\\s*=\\s*\\d+\\s*;.*"
              + "|^[A-Z][A-Z0-9_]*\\s*=\\s*-?\\d+\\s*;.*");

  /** Lines that are not declarations even when they look like one. */
  private static final Pattern EXEMPT =
      Pattern.compile("^(syntax|package|option|import|reserved)\\b.*");

  @Test
  void everyDeclarationHasACommentAbove() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(PROTO_DIR)) {
      files = listing.filter(p -> p.toString().endsWith(".proto")).sorted().toList();
    }
    assertThat(files).hasSize(5);

    List<String> undocumented = new ArrayList<>();
    int declarations = 0;
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (EXEMPT.matcher(line).matches() || !DECLARATION.matcher(line).matches()) {
          continue;
        }
        declarations++;
        String above = i == 0 ? "" : lines.get(i - 1).strip();
        if (!above.startsWith("//")) {
          undocumented.add(file.getFileName() + ":" + (i + 1) + ": " + line);
        }
      }
    }

    // Guards the patterns themselves: if they stopped matching, the check would pass vacuously.
    assertThat(declarations).isGreaterThan(150);
    assertThat(undocumented).as("declarations without a comment on the line above").isEmpty();
  }
}
