package io.onair.cli.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onair.cli.OnAirCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train, eval rank and compare rank from the command line on the tiny world. */
class RankCommandsTest {
  @TempDir static Path dir;
  private static Path world;

  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void simulate() {
    world = dir.resolve("tiny");
    assertThat(
            OnAirCommand.newCommandLine()
                .execute("simulate", "--preset", "tiny", "--seed", "3", "--out", world.toString()))
        .isZero();
  }

  private int run(String... args) {
    CommandLine commandLine = OnAirCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  @Test
  void aBadModelConfigurationFailsWithOneLineBeforeTraining() {
    Path artifacts = dir.resolve("bad");
    assertThat(
            run(
                "train",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "dbmtl",
                "--targets",
                "click,purchase<-cart"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("target 'purchase' has parent 'cart', which is not declared");
    assertThat(
            run(
                "train",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "dbmtl",
                "--targets",
                "click,shares<-click"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown target 'shares'");
    assertThat(
            run(
                "train",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "dbmtl4"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown model 'dbmtl4'");
    assertThat(
            run(
                "train",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "dmr-pretrained"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("model dmr-pretrained needs pretrained vectors")
        .contains("CURRENT is missing");
    assertThat(
            run(
                "train",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "rui-v3",
                "--rank-tower",
                "dbmtl-multiscenario"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("rank tower 'dbmtl-multiscenario' is not supported");
    assertThat(artifacts.resolve("ranking")).doesNotExist();
  }

  @Test
  void trainThenEvaluateThroughTheSavedModel() throws Exception {
    Path artifacts = dir.resolve("artifacts");
    Path card = dir.resolve("card.json");
    assertThat(
            run(
                "train",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "shared-bottom",
                "--epochs",
                "1",
                "--max-training-rows",
                "3000",
                "--json",
                card.toString()))
        .as(err.toString())
        .isZero();
    assertThat(
            artifacts.resolve(
                "ranking/shared-bottom/versions/"
                    + Files.readString(artifacts.resolve("ranking/shared-bottom/CURRENT")).trim()
                    + "/saved-model/saved_model.pb"))
        .exists();
    assertThat(Files.readString(card))
        .contains("\"kind\" : \"shared-bottom\"", "\"holdout_days\" : 2");
    Path json = dir.resolve("eval.json");
    assertThat(
            run(
                "eval",
                "rank",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "shared-bottom",
                "--json",
                json.toString()))
        .as(err.toString())
        .isZero();
    String report = Files.readString(json);
    assertThat(report)
        .contains("\"oracle_auc\"", "\"gauc\"", "\"scenarios\"", "\"tab\"", "\"refer_interest\"");

    // swipe only, split by whether the user liked the refer room (the simulator's truth)
    Path swipeJson = dir.resolve("eval-swipe.json");
    assertThat(
            run(
                "eval",
                "rank",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "shared-bottom",
                "--scenarios",
                "swipe",
                "--json",
                swipeJson.toString()))
        .as(err.toString())
        .isZero();
    JsonNode swipe = new ObjectMapper().readTree(swipeJson.toFile());
    long samples = swipe.path("samples").asLong();
    assertThat(samples).isPositive();
    assertThat(swipe.path("window").path("scenarios").toString()).isEqualTo("[\"swipe\"]");
    assertThat(swipe.path("scenarios").size()).isEqualTo(1);
    assertThat(swipe.path("scenarios").path("swipe").path("view10s").path("samples").asLong())
        .isEqualTo(samples);
    JsonNode liked = swipe.path("refer_interest").path("liked").path("view10s");
    JsonNode notLiked = swipe.path("refer_interest").path("not_liked").path("view10s");
    assertThat(liked.path("samples").asLong() + notLiked.path("samples").asLong())
        .isEqualTo(samples);
    assertThat(liked.path("auc").isNumber()).isTrue();
    assertThat(notLiked.path("oracle_auc").isNumber()).isTrue();
    // liking the refer room raises the view rate (the simulator's cascade)
    assertThat(liked.path("positives").asDouble() / liked.path("samples").asDouble())
        .isGreaterThan(notLiked.path("positives").asDouble() / notLiked.path("samples").asDouble());
    assertThat(
            run(
                "eval",
                "rank",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "shared-bottom",
                "--scenarios",
                "swipey"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown scenario 'swipey'");
    assertThat(
            run(
                "eval",
                "rank",
                "--data",
                world.toString(),
                "--artifacts",
                artifacts.toString(),
                "--model",
                "mmoe"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no ranking model at");
  }

  @Test
  void compareWritesTablesAndAPlot() throws Exception {
    Path out = dir.resolve("comparison");
    assertThat(
            run(
                "compare",
                "rank",
                "--data",
                world.toString(),
                "--artifacts",
                dir.resolve("cmp").toString(),
                "--models",
                "shared-bottom,dbmtl@tab",
                "--epochs",
                "1",
                "--max-training-rows",
                "2000",
                "--out",
                out.toString()))
        .as(err.toString())
        .isZero();
    assertThat(Files.readString(out.resolve("comparison.md")))
        .contains("| shared-bottom |", "| dbmtl.tab |", "oracle");
    assertThat(Files.readString(out.resolve("comparison.json"))).contains("\"dbmtl.tab\"");
    byte[] png = Files.readAllBytes(out.resolve("auc.png"));
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    for (String model : new String[] {"shared-bottom", "dbmtl.tab"}) {
      Path curves = out.resolve("curves").resolve(model + ".png");
      assertThat(curves).exists();
      assertThat(ImageIO.read(curves.toFile())).as(model).isNotNull();
    }
  }

  @Test
  void compareWithSeveralSeedsSummarisesMeanAndSpread() throws Exception {
    Path out = dir.resolve("seeds");
    assertThat(
            run(
                "compare",
                "rank",
                "--data",
                world.toString(),
                "--artifacts",
                dir.resolve("cmp-seeds").toString(),
                "--models",
                "shared-bottom",
                "--epochs",
                "1",
                "--max-training-rows",
                "2000",
                "--seed",
                "7",
                "--seeds",
                "2",
                "--out",
                out.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.resolve("seed-7/comparison.md")).exists();
    assertThat(out.resolve("seed-8/comparison.md")).exists();
    assertThat(out.resolve("seed-7/curves/shared-bottom.png")).exists();
    assertThat(out.resolve("seed-8/curves/shared-bottom.png")).exists();
    ObjectMapper json = new ObjectMapper();
    JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("seeds").toString()).isEqualTo("[7,8]");
    JsonNode click = summary.path("models").path("shared-bottom").path("click").path("auc");
    JsonNode first = json.readTree(out.resolve("seed-7/comparison.json").toFile());
    JsonNode second = json.readTree(out.resolve("seed-8/comparison.json").toFile());
    double a = first.path("models").get(0).path("targets").path("click").path("auc").asDouble();
    double b = second.path("models").get(0).path("targets").path("click").path("auc").asDouble();
    assertThat(a).isNotEqualTo(b);
    assertThat(click.path("mean").asDouble()).isCloseTo((a + b) / 2, within(1e-12));
    assertThat(click.path("std").asDouble())
        .isCloseTo(Math.abs(a - b) / Math.sqrt(2), within(1e-12));
    assertThat(Files.readString(out.resolve("summary.md"))).contains("| shared-bottom |", " ± ");
  }

  /**
   * tune runs its trials two at a time on the validation split and writes a config file that train
   * reads back, and the table of every trial.
   */
  @Test
  void tuneWritesTheBestConfigAndTheTrials() throws Exception {
    Path out = dir.resolve("tune");
    assertThat(
            run(
                "tune",
                "--data",
                world.toString(),
                "--artifacts",
                dir.resolve("tune-artifacts").toString(),
                "--model",
                "shared-bottom",
                "--trials",
                "3",
                "--parallel",
                "2",
                "--epochs",
                "4",
                "--max-training-rows",
                "2000",
                "--out",
                out.toString()))
        .as(err.toString())
        .isZero();
    JsonNode trials = new ObjectMapper().readTree(out.resolve("trials.json").toFile());
    assertThat(trials).hasSize(3);
    for (JsonNode trial : trials) {
      assertThat(trial.path("epochs_run").asInt()).isBetween(1, 4);
      assertThat(trial.has("stopped_by_median_rule")).isTrue();
    }
    assertThat(Files.readString(out.resolve("trials.md"))).contains("| trial |", "base");
    Path best = out.resolve("best-config.json");
    assertThat(
            run(
                "train",
                "--data",
                world.toString(),
                "--artifacts",
                dir.resolve("tuned").toString(),
                "--model",
                "shared-bottom",
                "--config",
                best.toString(),
                "--max-training-rows",
                "2000"))
        .as(err.toString())
        .isZero();
  }
}
