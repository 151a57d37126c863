package io.onair.cli.pretrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onair.cli.OnAirCommand;
import io.onair.vectors.PretrainedVectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PretrainCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = OnAirCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  @Test
  void relationsThenPretrainOnATinyWorld() throws Exception {
    Path data = dir.resolve("tiny");
    Path artifacts = dir.resolve("artifacts");
    Path json = dir.resolve("pretrain.json");
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
        .isZero();
    int code =
        run(
            "pretrain",
            "--data",
            data.toString(),
            "--artifacts",
            artifacts.toString(),
            "--dimension",
            "8",
            "--sequence-length",
            "5",
            "--epochs",
            "2",
            "--modality-weights",
            "profile=0.5,U2F=2",
            "--k",
            "5,10",
            "--json",
            json.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertThat(result.path("window").path("holdout_days").asInt()).isEqualTo(2);
    assertThat(result.path("config").path("modality_weights").path("U2F").asDouble())
        .isEqualTo(2.0);
    assertThat(result.path("training").path("epochs").size()).isEqualTo(2);
    JsonNode scores = result.path("evaluation").path("scores");
    for (String scorer :
        new String[] {
          "profile", "U2F", "U2A", "U2A2A", "U2I2A", "U2I2I2A", "combined", "popular"
        }) {
      assertThat(scores.path(scorer).path("hit_rate@10").asDouble()).as(scorer).isBetween(0.0, 1.0);
    }
    PretrainedVectors vectors = PretrainedVectors.load(artifacts);
    assertThat(vectors.version()).isEqualTo(result.path("version").asText());
    assertThat(vectors.dimension()).isEqualTo(8);
  }

  @Test
  void missingRelationsIsBadInputWithOneLine() {
    Path data = dir.resolve("tiny");
    assertThat(run("simulate", "--preset", "tiny", "--seed", "5", "--out", data.toString()))
        .isZero();
    int code =
        run("pretrain", "--data", data.toString(), "--artifacts", dir.resolve("none").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).contains("run onair relations").doesNotContain("\n\tat ");
  }
}
