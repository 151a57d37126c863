package io.onair.cli.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onair.cli.OnAirCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench rank} from the command line on the tiny world, after {@code train}. */
class RankingCommandsTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = OnAirCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  @Test
  void benchRankMeasuresTheServiceAgainstTheBareModel() throws Exception {
    Path world = dir.resolve("tiny");
    Path artifacts = dir.resolve("artifacts");
    assertThat(run("simulate", "--preset", "tiny", "--seed", "3", "--out", world.toString()))
        .isZero();
    assertThat(
            run(
                "train",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "dbmtl",
                "--epochs",
                "1",
                "--max-training-rows",
                "3000"))
        .as(err.toString())
        .isZero();
    Path json = dir.resolve("bench.json");
    assertThat(
            run(
                "bench",
                "rank",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--candidates",
                "40",
                "--requests",
                "30",
                "--warmup",
                "3",
                "--json",
                json.toString()))
        .as(err.toString())
        .isZero();
    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertThat(result.get("name").asText()).isEqualTo("rank");
    assertThat(result.get("candidates").asInt()).isEqualTo(40);
    assertThat(result.get("errors").asLong()).isZero();
    assertThat(result.get("rows_per_second").asDouble()).isPositive();
    assertThat(result.at("/baseline/rows_per_second").asDouble()).isPositive();
    assertThat(result.get("ratio").asDouble()).isPositive();
    assertThat(result.get("model_version").asText()).isNotEmpty();
    assertThat(result.at("/server_stages/inference/p50").isNumber()).isTrue();

    assertThat(
            run(
                "bench",
                "rank",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "mmoe"))
        .isNotZero();
    assertThat(err.toString()).contains("no ranking model");
  }
}
