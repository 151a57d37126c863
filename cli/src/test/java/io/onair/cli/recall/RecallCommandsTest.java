package io.onair.cli.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onair.cli.OnAirCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecallCommandsTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = OnAirCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  @Test
  void relationsThenEvalRecallOnATinyWorld() throws Exception {
    Path data = dir.resolve("tiny");
    Path artifacts = dir.resolve("artifacts");
    assertThat(run("simulate", "--preset", "tiny", "--seed", "5", "--out", data.toString()))
        .isZero();
    assertThat(
            run(
                "relations",
                "--data",
                data.toString(),
                "--artifacts",
                artifacts.toString(),
                "--holdout-days",
                "2"))
        .as(err.toString())
        .isZero();
    assertThat(artifacts.resolve("relations/relations.json")).exists();
    Path json = dir.resolve("eval.json");
    assertThat(
            run(
                "eval", "recall",
                "--data", data.toString(),
                "--artifacts", artifacts.toString(),
                "--k", "20",
                "--json", json.toString()))
        .as(err.toString())
        .isZero();
    JsonNode result = new ObjectMapper().readTree(Files.readString(json));
    assertThat(result.path("k").asInt()).isEqualTo(20);
    assertThat(result.path("users").asInt()).isPositive();
    assertThat(result.path("window").path("holdout_days").asInt()).isEqualTo(2);
    for (String route :
        new String[] {"U2F", "U2A", "U2A2A", "U2I2A", "U2I2I2A", "refer", "popular"}) {
      assertThat(result.path("routes").has(route)).as(route).isTrue();
      assertThat(result.path("routes").path(route).has("hit_rate")).isTrue();
    }
    assertThat(result.path("merged").path("hit_rate").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void missingRelationsIsBadInputWithOneLine() {
    Path data = dir.resolve("tiny");
    assertThat(run("simulate", "--preset", "tiny", "--seed", "5", "--out", data.toString()))
        .isZero();
    int code =
        run(
            "eval",
            "recall",
            "--data",
            data.toString(),
            "--artifacts",
            dir.resolve("none").toString(),
            "--k",
            "20");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).contains("run onair relations").doesNotContain("\n\tat ");
  }
}
