package io.onair.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.artifacts.VersionedDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedVectorsTest {
  @TempDir Path artifacts;

  private static VectorSet random(List<String> ids, int dimension, long seed) {
    Random random = new Random(seed);
    float[] data = new float[ids.size() * dimension];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return VectorSet.of(ids, data, dimension);
  }

  private static PretrainedVectors.Export export(long seed) {
    VectorSet anchors = random(List.of("a1", "a2", "a3"), 4, seed);
    return new PretrainedVectors.Export(
        Map.of("holdout_days", 2),
        Map.of("recall_at_50", 0.4),
        List.of("U2F", "U2A"),
        anchors,
        Map.of(
            "U2F", random(List.of("u1", "u2"), 4, seed + 1),
            "U2A", random(List.of("u2", "ü3"), 4, seed + 2)));
  }

  @Test
  void writtenVectorsLoadBitForBit() {
    PretrainedVectors.Export written = export(7);
    String version = PretrainedVectors.write(artifacts, written);

    PretrainedVectors loaded = PretrainedVectors.load(artifacts);
    assertThat(loaded.version()).isEqualTo(version);
    assertThat(loaded.dimension()).isEqualTo(4);
    assertThat(loaded.modalities()).containsExactly("U2F", "U2A");
    assertThat(loaded.window()).containsEntry("holdout_days", 2);
    assertThat(loaded.metrics()).containsEntry("recall_at_50", 0.4);
    assertThat(loaded.anchors().ids()).containsExactly("a1", "a2", "a3");
    assertThat(loaded.anchors().data()).containsExactly(written.anchors().data());
    assertThat(loaded.users("U2A").ids()).containsExactly("u2", "ü3");
    assertThat(loaded.users("U2A").data())
        .containsExactly(written.usersByModality().get("U2A").data());
    assertThat(loaded.users("U2A").row("ü3")).isEqualTo(1);
    assertThat(loaded.users("U2A").row("u1")).isEqualTo(-1);
  }

  @Test
  void aNewVersionBecomesCurrentAndOnlyTheNewestThreeAreKept() throws Exception {
    String first = PretrainedVectors.write(artifacts, export(1));
    for (int seed = 2; seed <= 5; seed++) {
      PretrainedVectors.write(artifacts, export(seed));
    }
    String last = PretrainedVectors.write(artifacts, export(6));
    assertThat(PretrainedVectors.load(artifacts).version()).isEqualTo(last);
    VersionedDirectory versions =
        new VersionedDirectory(artifacts.resolve(PretrainedVectors.DIRECTORY), "vectors", 3);
    assertThat(versions.versions()).hasSize(3).doesNotContain(first).endsWith(last);
  }

  @Test
  void missingOrBrokenArtifactsSayWhat() throws Exception {
    assertThat(PretrainedVectors.exists(artifacts)).isFalse();
    assertThatThrownBy(() -> PretrainedVectors.load(artifacts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("onair pretrain");

    PretrainedVectors.write(artifacts, export(3));
    PretrainedVectors loaded = PretrainedVectors.load(artifacts);
    assertThatThrownBy(() -> loaded.users("profile"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no modality 'profile'");

    Path anchors =
        artifacts
            .resolve(PretrainedVectors.DIRECTORY)
            .resolve("versions")
            .resolve(loaded.version())
            .resolve("anchors.vec");
    byte[] bytes = Files.readAllBytes(anchors);
    Files.write(anchors, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> PretrainedVectors.load(artifacts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void inconsistentExportsAreRefused() {
    VectorSet anchors = random(List.of("a1"), 4, 1);
    assertThatThrownBy(
            () ->
                new PretrainedVectors.Export(
                    Map.of(),
                    Map.of(),
                    List.of("U2F"),
                    anchors,
                    Map.of("U2F", random(List.of("u1"), 3, 2))))
        .hasMessageContaining("dimension");
    assertThatThrownBy(
            () ->
                new PretrainedVectors.Export(
                    Map.of(), Map.of(), List.of("U9"), anchors, Map.of("U9", anchors)))
        .hasMessageContaining("unknown modality");
    assertThatThrownBy(() -> VectorSet.of(List.of("a", "a"), new float[2], 1))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> VectorSet.of(List.of("a"), new float[] {Float.NaN}, 1))
        .hasMessageContaining("NaN");
  }
}
