package io.onair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = OnAirCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  @Test
  void everyCommandHasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(OnAirCommand.newCommandLine(), new ArrayList<>(), paths);
    assertThat(paths)
        .extracting(p -> String.join(" ", p))
        .contains("simulate", "import ecomm", "validate", "features load");
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      assertThat(run(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
    }
  }

  private static void collect(
      CommandLine commandLine, List<String> prefix, List<List<String>> out) {
    commandLine
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help")) {
                return;
              }
              List<String> path = new ArrayList<>(prefix);
              path.add(name);
              out.add(path);
              collect(sub, path, out);
            });
  }

  @Test
  void simulatedTinyWorldValidatesAndIsDeterministic() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(run("simulate", "--preset", "tiny", "--seed", "5", "--out", a.toString())).isZero();
    assertThat(run("simulate", "--preset", "tiny", "--seed", "5", "--out", b.toString())).isZero();
    assertThat(run("validate", "--data", a.toString(), "--json", dir.resolve("v.json").toString()))
        .isZero();
    assertThat(Files.readString(dir.resolve("v.json"))).contains("\"impressions\"");
    for (Path file : files(a)) {
      Path other = b.resolve(a.relativize(file));
      assertThat(Files.mismatch(file, other)).as(file.toString()).isEqualTo(-1L);
    }
    assertThat(files(a).stream().map(p -> a.relativize(p).toString()))
        .contains(
            "manifest.json",
            "users.csv",
            "anchors.csv",
            "items.csv",
            "anchor_items.csv",
            "live_sessions.csv",
            "follows.csv",
            "item_events.csv",
            "impressions.csv",
            "truth/impressions.csv");
  }

  @Test
  void badDatasetFailsWithOneLineNamingFileAndLine() throws IOException {
    Path world = dir.resolve("w");
    assertThat(run("simulate", "--preset", "tiny", "--seed", "5", "--out", world.toString()))
        .isZero();
    Path impressions = world.resolve("impressions.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(impressions));
    List<String> header = List.of(lines.get(0).split(","));
    String[] cells = lines.get(3).split(",", -1);
    cells[header.indexOf("click")] = "2";
    lines.set(3, String.join(",", cells));
    Files.write(impressions, lines);

    int code = run("validate", "--data", world.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "onair validate: impressions.csv, line 4: column 'click': a binary label must be 0 or 1, got '2'");
  }

  @Test
  void badArgumentsExitTwoWithOneLine() {
    assertThat(run("simulate", "--preset", "huge", "--out", dir.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown preset 'huge'");
    assertThat(run("validate")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--data=DIR'");
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
