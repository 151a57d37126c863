package io.onair.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.PositiveLabels;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.features.HistoryKind;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationsJobTest {
  @TempDir static Path dir;
  static Dataset dataset;
  static DataWindow window;
  static RelationsJob.Build build;

  @BeforeAll
  static void simulate() {
    Path data = dir.resolve("tiny");
    new WorldSimulator().simulate(SimulationConfig.preset("tiny", 3), data, Progress.NONE);
    dataset = DatasetReader.read(data, Progress.NONE);
    window = DataWindow.of(dataset, 2);
    build = RelationsJob.run(dataset, window, RelationsConfig.defaults(), Progress.NONE);
  }

  @Test
  void buildsEveryTableOverTheWholeCatalogue() {
    Relations r = build.relations();
    assertThat(r.anchorIds()).hasSize(dataset.anchorCount());
    assertThat(r.anchorNeighbours().pairCount()).isPositive();
    assertThat(r.itemNeighbours().pairCount()).isPositive();
    assertThat(r.itemAnchors().pairCount()).isGreaterThanOrEqualTo(dataset.itemCount());
    assertThat(r.popularity().scenarios()).containsExactly("channel", "app", "tab", "swipe", "*");
    assertThat(r.window()).isEqualTo(window);
    assertThat(r.alwaysLive()).isFalse();
    assertThat(r.version()).startsWith("rel-");
    for (int a = 0; a < r.anchorNeighbours().size(); a++) {
      for (int p = r.anchorNeighbours().start(a); p < r.anchorNeighbours().end(a); p++) {
        assertThat(r.anchorNeighbours().neighbour(p)).isNotEqualTo(a);
      }
    }
  }

  @Test
  void usesOnlyTheTrainingDays() {
    // Only the anchors with a positive impression before the cut-off can be popular.
    Set<Integer> trainingPositives = new HashSet<>();
    Dataset.Impressions imp = dataset.impressions();
    float[][] positive = PositiveLabels.byScenario(dataset);
    for (int i = 0; i < imp.size(); i++) {
      if (window.isTraining(imp.ts()[i]) && PositiveLabels.isPositive(dataset, positive, i)) {
        trainingPositives.add(imp.anchor()[i]);
      }
    }
    NeighbourTable all = build.relations().popularity().lists();
    int row = build.relations().popularity().rowOf("*");
    Set<Integer> popular = new HashSet<>();
    for (int p = all.start(row); p < all.end(row); p++) {
      popular.add(all.neighbour(p));
    }
    assertThat(popular).isEqualTo(trainingPositives);
    // A later cut-off sees more data, so the build differs.
    RelationsJob.Build later =
        RelationsJob.run(
            dataset, DataWindow.of(dataset, 0), RelationsConfig.defaults(), Progress.NONE);
    assertThat(later.relations().version()).isNotEqualTo(build.relations().version());
    assertThat(build.histories())
        .allSatisfy(h -> assertThat(h.kind()).isIn((Object[]) HistoryKind.values()));
  }

  @Test
  void artifactsRoundTrip() throws Exception {
    Path artifacts = dir.resolve("artifacts");
    RelationsArtifacts.write(build, RelationsConfig.defaults(), artifacts);
    assertThat(Files.readString(artifacts.resolve("relations/relations.json")))
        .contains("\"holdout_start\" : " + window.holdoutStart());
    Relations read = RelationsArtifacts.read(artifacts);
    Relations r = build.relations();
    assertThat(read.version()).isEqualTo(r.version());
    assertThat(read.window()).isEqualTo(r.window());
    assertThat(read.anchorIds()).isEqualTo(r.anchorIds());
    assertThat(read.anchorCategories()).isEqualTo(r.anchorCategories());
    for (NeighbourTable[] pair :
        List.of(
            new NeighbourTable[] {read.anchorNeighbours(), r.anchorNeighbours()},
            new NeighbourTable[] {read.itemNeighbours(), r.itemNeighbours()},
            new NeighbourTable[] {read.itemAnchors(), r.itemAnchors()},
            new NeighbourTable[] {read.popularity().lists(), r.popularity().lists()})) {
      assertThat(pair[0].offsets()).isEqualTo(pair[1].offsets());
      assertThat(pair[0].neighbours()).isEqualTo(pair[1].neighbours());
      assertThat(pair[0].scores()).isEqualTo(pair[1].scores());
    }
    assertThat(Files.lines(artifacts.resolve("relations/histories.tsv")).count())
        .isEqualTo(build.histories().stream().mapToLong(h -> h.entries().size()).sum());
  }

  @Test
  void missingArtifactsAreRefusedWithTheFix() {
    assertThatThrownBy(() -> RelationsArtifacts.read(dir.resolve("nothing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run onair relations");
  }

  @Test
  void idsWithTabsSurviveEscaping() {
    String id = "a\tb\\c\nd";
    assertThat(RelationsArtifacts.unescape(RelationsArtifacts.escape(id))).isEqualTo(id);
  }
}
