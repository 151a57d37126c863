package io.onair.ranking.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvesTest {
  /** The colour of the validation series (and its legend entry). */
  private static final int VALIDATION_RGB = 0xff7f0e;

  @TempDir Path dir;

  /**
   * Four epochs of click and purchase curves (and a numeric target, which has none), shaped as
   * ModelArtifacts writes them into the card.
   */
  private static List<Map<String, Object>> epochs(boolean withValidation) {
    List<Map<String, Object>> epochs = new ArrayList<>();
    for (int epoch = 1; epoch <= 4; epoch++) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("epoch", epoch);
      map.put("steps", 10L);
      map.put("mean_loss", 0.5 - 0.05 * epoch);
      map.put("train", targets(0.70 + 0.03 * epoch, 0.50 - 0.03 * epoch));
      map.put(
          "validation",
          withValidation
              ? targets(0.70 + 0.01 * epoch, 0.50 - 0.01 * epoch + 0.002 * epoch)
              : null);
      map.put("holdout", targets(0.69 + 0.01 * epoch, 0.51 - 0.01 * epoch));
      epochs.add(map);
    }
    return epochs;
  }

  private static Map<String, TargetMetrics> targets(double auc, double logloss) {
    Map<String, TargetMetrics> targets = new LinkedHashMap<>();
    targets.put("click", binary(auc, logloss));
    targets.put("purchase", binary(auc - 0.05, logloss / 5));
    targets.put(
        "watch_minutes", new TargetMetrics(100, null, null, null, null, null, 3.2, 0.4, null));
    return targets;
  }

  private static TargetMetrics binary(double auc, double logloss) {
    return new TargetMetrics(100, 20L, auc, auc - 0.1, null, logloss, null, null, 0.01);
  }

  @Test
  void writesAPngOfTheConfiguredSizeWithARowPerBinaryTarget() throws IOException {
    LearningCurves curves = new LearningCurves("dbmtl", epochs(true), 3);
    assertThat(curves.targets()).containsExactly("click", "purchase");
    assertThat(curves.title()).isEqualTo("dbmtl: learning curves (kept epoch 3)");

    Path file = dir.resolve("curves/dbmtl.png");
    curves.write(file, 900, 700);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(700);
    assertThat(pixels(image, VALIDATION_RGB)).isPositive();

    Path sized = dir.resolve("default.png");
    curves.write(sized);
    BufferedImage byDefault = ImageIO.read(sized.toFile());
    assertThat(byDefault).isNotNull();
    assertThat(byDefault.getWidth()).isEqualTo(LearningCurves.DEFAULT_WIDTH);
    assertThat(byDefault.getHeight()).isGreaterThan(2 * LearningCurves.ROW_HEIGHT);
  }

  @Test
  void leavesOutTheValidationSeriesWhenThereIsNone() throws IOException {
    LearningCurves curves = new LearningCurves("shared-bottom", epochs(false), 4);
    assertThat(curves.targets()).containsExactly("click", "purchase");

    Path file = dir.resolve("no-validation.png");
    curves.write(file, 800, 600);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(600);
    assertThat(pixels(image, VALIDATION_RGB)).isZero();
  }

  @Test
  void readsTheEpochMapsOfACardReadFromJson() throws IOException {
    // a card read from disk holds plain maps where a fresh one holds TargetMetrics
    ObjectMapper json = new ObjectMapper();
    List<Map<String, Object>> read =
        json.readValue(
            json.writeValueAsString(epochs(true)),
            new TypeReference<List<Map<String, Object>>>() {});
    LearningCurves curves = new LearningCurves("mmoe", read, 2);
    assertThat(curves.targets()).containsExactly("click", "purchase");

    Path file = dir.resolve("read.png");
    curves.write(file, 640, 480);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(480);
  }

  @Test
  void refusesInputItCannotPlot() {
    assertThatThrownBy(() -> new LearningCurves("dbmtl", List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no epochs")
        .hasMessageContaining("dbmtl");
    assertThatThrownBy(() -> new LearningCurves("dbmtl", epochs(true), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kept epoch 5")
        .hasMessageContaining("[1, 2, 3, 4]");
    assertThatThrownBy(() -> new LearningCurves("dbmtl", List.of(Map.of("steps", 3)), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no epoch number");

    Map<String, Object> numericOnly = new LinkedHashMap<>();
    numericOnly.put("epoch", 1);
    numericOnly.put(
        "train",
        Map.of(
            "watch_minutes", new TargetMetrics(10, null, null, null, null, null, 1.0, 0.5, null)));
    LearningCurves nothing = new LearningCurves("regressor", List.of(numericOnly), 1);
    assertThat(nothing.targets()).isEmpty();
    assertThatThrownBy(() -> nothing.write(dir.resolve("nothing.png")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no target with log loss or AUC");

    LearningCurves curves = new LearningCurves("dbmtl", epochs(true), 1);
    assertThatThrownBy(() -> curves.write(dir.resolve("tiny.png"), 60, 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no room");
  }

  private static long pixels(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
