package io.onair.dataset.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.DatasetException;
import io.onair.dataset.columnar.FeatureColumn;
import io.onair.dataset.stats.DatasetStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
  @TempDir Path dir;

  @Test
  void readsEveryFileIntoColumns() {
    Dataset dataset = DatasetReader.read(SmallDatasets.write(dir));

    assertThat(dataset.userCount()).isEqualTo(3);
    assertThat(dataset.users().id(2)).isEqualTo("u, with comma");
    assertThat(dataset.anchorCount()).isEqualTo(3);
    assertThat(dataset.categories().ids()).containsExactly("beauty", "food");
    assertThat(dataset.itemPrice()).containsExactly(19.9f, 5f);
    assertThat(dataset.impressions().size()).isEqualTo(6);
    assertThat(dataset.targets().names())
        .containsExactly("click", "watch_seconds", "follow", "cart", "purchase");
    int watch = dataset.targets().indexOf("watch_seconds");
    assertThat(dataset.impressions().label(watch)[2]).isEqualTo(12.5f);
    assertThat(dataset.impressions().refer()[2]).isEqualTo(dataset.anchors().indexOf("a1"));
    assertThat(dataset.impressions().refer()[0]).isEqualTo(-1);
    long[] requests = dataset.impressions().request();
    assertThat(requests[0]).isEqualTo(requests[1]).isEqualTo(DatasetReader.requestHash("r1"));
    assertThat(requests).doesNotContain(0L).hasSize(6);
    assertThat(java.util.Arrays.stream(requests).distinct().count()).isEqualTo(5);
    FeatureColumn interests = dataset.userFeature("interests").orElseThrow();
    assertThat(interests.text(0)).isEqualTo("music|games");
    assertThat(interests.text(1)).isEmpty();
    FeatureColumn fans = dataset.anchorFeature("fans").orElseThrow();
    assertThat(fans.text(0)).isEqualTo("1200");
    assertThat(fans.text(2)).isEmpty();
    assertThat(dataset.itemEvents().size()).isEqualTo(2);
    assertThat(dataset.truth()).isEmpty();
  }

  @Test
  void readsTruthWithAndWithoutReferInterest() throws IOException {
    SmallDatasets.write(dir);
    Path truth = dir.resolve("truth/impressions.csv");
    Files.createDirectories(truth.getParent());
    String rows = "0.5,0.1,0.1,0.05\n".repeat(2);
    Files.writeString(truth, "p_click,p_follow,p_cart,p_purchase\n" + rows.repeat(3));
    Dataset plain = DatasetReader.read(dir);
    assertThat(plain.truth()).isPresent();
    assertThat(plain.referInterest()).isEmpty();

    String header = "p_click,p_follow,p_cart,p_purchase,p_refer_liked,refer_liked\n";
    String none = "0.5,0.1,0.1,0.05,,\n";
    Files.writeString(truth, header + none + none + "0.5,0.1,0.1,0.05,0.75,1\n" + none.repeat(3));
    Dataset.ReferInterest refer = DatasetReader.read(dir).referInterest().orElseThrow();
    assertThat(refer.liked()).containsExactly(-1, -1, 1, -1, -1, -1);
    assertThat(refer.probability()[2]).isEqualTo(0.75f);
    assertThat(refer.probability()[0]).isNaN();

    Files.writeString(truth, header + none + none + "0.5,0.1,0.1,0.05,0.75,2\n" + none.repeat(3));
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "truth/impressions.csv, line 4: column 'refer_liked' must be 0, 1 or empty, got '2'");
    Files.writeString(truth, header + none + none + "0.5,0.1,0.1,0.05,,1\n" + none.repeat(3));
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("line 4: columns 'p_refer_liked' and 'refer_liked' must both be");
    Files.writeString(
        truth,
        "p_click,p_follow,p_cart,p_purchase,refer_liked\n" + "0.5,0.1,0.1,0.05,\n".repeat(6));
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("go together: give both or neither");
  }

  @Test
  void liveScheduleAnswersStartInclusiveEndExclusive() {
    Dataset dataset = DatasetReader.read(SmallDatasets.write(dir));
    int a1 = dataset.anchors().indexOf("a1");
    long t0 = SmallDatasets.T0;
    assertThat(dataset.isLive(a1, t0)).isTrue();
    assertThat(dataset.isLive(a1, t0 + 7199)).isTrue();
    assertThat(dataset.isLive(a1, t0 + 7200)).isFalse();
    assertThat(dataset.isLive(a1, t0 - 1)).isFalse();
    assertThat(dataset.isLive(a1, t0 + SmallDatasets.DAY + 10)).isTrue();
  }

  @Test
  void datasetWithoutScheduleIsAlwaysLive() throws IOException {
    SmallDatasets.write(dir);
    Files.delete(dir.resolve("live_sessions.csv"));
    Dataset dataset = DatasetReader.read(dir);
    assertThat(dataset.liveSchedule()).isEmpty();
    assertThat(dataset.isLive(0, 0)).isTrue();
  }

  @Test
  void rejectsBinaryLabelThatIsNotZeroOrOne() {
    SmallDatasets.write(dir);
    String line4 = SmallDatasets.line(dir, "impressions.csv", 4);
    // columns: ts,user_id,anchor_id,scenario,refer_anchor_id,position,request_id,click,...
    String[] cells = line4.split(",");
    cells[7] = "2";
    SmallDatasets.replaceLine(dir, "impressions.csv", 4, String.join(",", cells));

    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "impressions.csv, line 4: column 'click': a binary label must be 0 or 1, got '2'")
        .satisfies(e -> assertThat(((DatasetException) e).line()).isEqualTo(4));
  }

  @Test
  void rejectsMissingColumn() {
    SmallDatasets.write(dir);
    SmallDatasets.replaceLine(
        dir,
        "impressions.csv",
        1,
        "ts,user_id,anchor_id,scenario,refer_anchor_id,position,request_id,click,watch_seconds,follow,cart");

    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("impressions.csv, line 1: missing column 'purchase'");
  }

  @Test
  void rejectsImpressionOfUnknownUser() {
    SmallDatasets.write(dir);
    String line = SmallDatasets.line(dir, "impressions.csv", 5).replace(",u2,", ",u404,");
    SmallDatasets.replaceLine(dir, "impressions.csv", 5, line);

    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage("impressions.csv, line 5: user_id 'u404' is unknown: it is not in users.csv");
  }

  @Test
  void rejectsTargetGraphCycle() throws IOException {
    SmallDatasets.write(dir);
    Path manifest = dir.resolve("manifest.json");
    String json = Files.readString(manifest);
    // click <- purchase closes click -> cart -> purchase -> click
    json =
        json.replaceFirst(
            "\"name\" : \"click\",\\s*\"parents\" : \\[ \\]",
            "\"name\" : \"click\", \"parents\" : [ \"purchase\" ]");
    Files.writeString(manifest, json);

    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("manifest.json: the target graph has a cycle: ")
        .hasMessageContaining("click -> ")
        .hasMessageContaining("purchase");
  }

  @Test
  void rejectsUndeclaredParent() throws IOException {
    SmallDatasets.write(dir);
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(
        manifest, Files.readString(manifest).replace("[ \"cart\" ]", "[ \"bag_click\" ]"));

    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "manifest.json: target 'purchase' has parent 'bag_click', which is not declared");
  }

  @Test
  void rejectsOtherBadCellsWithFileAndLine() {
    SmallDatasets.write(dir);
    SmallDatasets.replaceLine(dir, "item_events.csv", 3, "u1,i1,steal," + SmallDatasets.T0);
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .hasMessage(
            "item_events.csv, line 3: column 'action' must be one of click, collect, cart, buy, got 'steal'");

    SmallDatasets.write(dir);
    SmallDatasets.replaceLine(dir, "users.csv", 3, "u1,f,");
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .hasMessage("users.csv, line 3: user_id 'u1' appears twice");

    SmallDatasets.write(dir);
    SmallDatasets.replaceLine(dir, "live_sessions.csv", 2, "a1,100,50");
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .hasMessage("live_sessions.csv, line 2: end_ts must be after start_ts");

    SmallDatasets.write(dir);
    String row = SmallDatasets.line(dir, "impressions.csv", 2).replace(",channel,", ",shop,");
    SmallDatasets.replaceLine(dir, "impressions.csv", 2, row);
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .hasMessage(
            "impressions.csv, line 2: scenario 'shop' is not declared in manifest.json (declared: channel, swipe)");

    SmallDatasets.write(dir);
    SmallDatasets.replaceLine(dir, "follows.csv", 2, "u1,a1");
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .hasMessage("follows.csv, line 2: expected 3 cells as in the header, found 2");
  }

  @Test
  void rejectsMissingFileAndUndeclaredColumn() throws IOException {
    SmallDatasets.write(dir);
    Files.delete(dir.resolve("follows.csv"));
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .hasMessage("follows.csv: missing: every onair-dataset/1 needs this file");

    SmallDatasets.write(dir);
    SmallDatasets.replaceLine(dir, "anchors.csv", 1, "anchor_id,category,mood");
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .hasMessageStartingWith("anchors.csv, line 1: column 'mood' is not part of the format");
  }

  @Test
  void holdoutWindowSplitsOnUtcDays() {
    Dataset dataset = DatasetReader.read(SmallDatasets.write(dir));
    DataWindow window = DataWindow.of(dataset, 1);
    assertThat(window.holdoutStart()).isEqualTo(SmallDatasets.T0 + 2 * SmallDatasets.DAY);
    assertThat(window.isTraining(SmallDatasets.T0 + SmallDatasets.DAY + 3800)).isTrue();
    assertThat(window.isHoldout(SmallDatasets.T0 + 2 * SmallDatasets.DAY + 60)).isTrue();
    assertThat(DataWindow.of(dataset, 0).holdoutStart()).isEqualTo(window.end());
    assertThatThrownBy(() -> DataWindow.of(dataset, 3))
        .hasMessageContaining("would hold out every impression");
  }

  @Test
  void statisticsCountRatesAndCascadeViolations() {
    Dataset dataset = DatasetReader.read(SmallDatasets.write(dir));
    DatasetStatistics stats = DatasetStatistics.of(dataset);
    assertThat(stats.impressions()).isEqualTo(6);
    assertThat(stats.impressionsByScenario())
        .containsEntry("channel", 5L)
        .containsEntry("swipe", 1L);
    assertThat(stats.labelRates().get("click")).isEqualTo(0.5);
    assertThat(stats.scenarioLabelRates().get("swipe").get("follow")).isEqualTo(1.0);
    assertThat(stats.cascadeViolations()).containsEntry("click -> follow", 0L);
    assertThat(stats.requests()).isEqualTo(5);
    assertThat(stats.render()).contains("impressions 6 in 5 requests");
  }
}
