package io.onair.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  @TempDir Path first;
  @TempDir Path second;
  @TempDir Path other;

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
    SimulationConfig config = SimulationConfig.preset("tiny", 2024);
    WorldSimulator simulator = new WorldSimulator();
    simulator.simulate(config, first, Progress.NONE);
    simulator.simulate(config, second, Progress.NONE);
    simulator.simulate(config.withSeed(2025), other, Progress.NONE);

    List<Path> files = files(first);
    assertThat(files)
        .contains(
            Path.of("manifest.json"),
            Path.of("impressions.csv"),
            Path.of("truth", "impressions.csv"),
            Path.of("truth", "parameters.json"))
        .hasSize(11);
    assertThat(files(second)).isEqualTo(files);
    for (Path file : files) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file)))
          .as("%s differs between two runs with the same seed", file)
          .isEqualTo(-1L);
    }
    for (String file : List.of("users.csv", "impressions.csv", "truth/impressions.csv")) {
      assertThat(Files.mismatch(first.resolve(file), other.resolve(file)))
          .as("%s is the same for another seed", file)
          .isNotEqualTo(-1L);
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
