package io.onair.features.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.csv.CsvWriter;
import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.manifest.FeatureSpec;
import io.onair.dataset.manifest.FeatureType;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.dataset.write.DatasetWriter;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import io.onair.features.memory.InMemoryFeatureStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFeatureLoaderTest {
  private static final long DAY = 86_400;
  private static final long T0 = 1_767_225_600L;

  @TempDir Path dir;

  private Dataset write() {
    DatasetManifest manifest =
        DatasetManifest.of(
            "loader",
            null,
            null,
            List.of(TargetSpec.of("click"), TargetSpec.of("watch_seconds", "click")),
            List.of("channel"),
            List.of(new FeatureSpec("gender", DatasetFile.USERS, FeatureType.CATEGORICAL)));
    try (DatasetWriter w = DatasetWriter.create(dir, manifest)) {
      w.open(DatasetFile.USERS).cell("u1").cell("f").endRow();
      CsvWriter anchors = w.open(DatasetFile.ANCHORS);
      anchors.cell("a1").cell("beauty").endRow();
      anchors.cell("a2").cell("food").endRow();
      anchors.cell("a3").cell("food").endRow();
      w.open(DatasetFile.ITEMS).cell("i1").cell("food").cell(9.5, 2).endRow();
      w.open(DatasetFile.ANCHOR_ITEMS).cell("a2").cell("i1").endRow();
      CsvWriter live = w.open(DatasetFile.LIVE_SESSIONS);
      live.cell("a1").cell(T0).cell(T0 + 3600).endRow();
      live.cell("a2").cell(T0 + 1800).cell(T0 + 7200).endRow();
      CsvWriter follows = w.open(DatasetFile.FOLLOWS);
      follows.cell("u1").cell("a1").cell(T0 + 10).endRow();
      follows.cell("u1").cell("a3").cell(T0 + 2 * DAY).endRow(); // held out
      CsvWriter events = w.open(DatasetFile.ITEM_EVENTS);
      events.cell("u1").cell("i1").cell("click").cell(T0 + 20).endRow();
      events.cell("u1").cell("i1").cell("buy").cell(T0 + 30).endRow();
      CsvWriter imp = w.open(DatasetFile.IMPRESSIONS);
      imp.cell(T0 + 100)
          .cell("u1")
          .cell("a1")
          .cell("channel")
          .empty()
          .cell(0)
          .cell(1)
          .cell(600)
          .endRow();
      imp.cell(T0 + 100)
          .cell("u1")
          .cell("a2")
          .cell("channel")
          .empty()
          .cell(1)
          .cell(1)
          .cell(5)
          .endRow();
      imp.cell(T0 + 100)
          .cell("u1")
          .cell("a3")
          .cell("channel")
          .empty()
          .cell(2)
          .cell(0)
          .cell(0)
          .endRow();
      imp.cell(T0 + 2 * DAY)
          .cell("u1")
          .cell("a3")
          .cell("channel")
          .empty()
          .cell(0)
          .cell(1)
          .cell(900)
          .endRow();
    }
    return DatasetReader.read(dir);
  }

  @Test
  void loadsProfilesAnchorsScheduleAndHistoriesFromBeforeTheHoldout() {
    Dataset dataset = write();
    DataWindow window = DataWindow.of(dataset, 1);
    try (InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults())) {
      DatasetFeatureLoader.LoadReport report =
          DatasetFeatureLoader.load(dataset, window, store, Progress.NONE);

      assertThat(report.userProfiles()).isEqualTo(1);
      assertThat(report.anchors()).isEqualTo(3);
      assertThat(report.liveSessions()).isEqualTo(2);
      UserFeatures user = store.readUser("u1", T0 + 200).join();
      assertThat(user.profile()).containsEntry("gender", "f");
      assertThat(user.history(HistoryKind.FOLLOWS))
          .containsExactly(new ScoredId("a1", T0 + 10)); // the held-out follow of a3 is not there
      List<String> watched =
          user.history(HistoryKind.WATCHED_ANCHORS).stream().map(ScoredId::id).toList();
      assertThat(watched).containsExactly("a1", "a2"); // longer watch first; a3 only held out
      assertThat(user.history(HistoryKind.ITEMS)).extracting(ScoredId::id).containsExactly("i1");
      assertThat(store.readAnchors(List.of("a2")).join().get("a2").category()).isEqualTo("food");
      assertThat(store.liveAnchors(T0 + 2000).join()).containsExactlyInAnyOrder("a1", "a2");
      assertThat(store.liveAnchors(T0 + 4000).join()).containsExactly("a2");
    }
  }
}
