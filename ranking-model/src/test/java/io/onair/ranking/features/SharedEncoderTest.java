package io.onair.ranking.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.Dataset;
import io.onair.dataset.activity.ActivityKind;
import io.onair.dataset.activity.ActivityWindow;
import io.onair.ranking.TinyWorld;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The training path (dataset, causal history) and the serving path (online ids and tokens through
 * the vocabulary) give the same encoded row: the history is rebuilt here independently, from the
 * raw events strictly before the impression, as the online store would hold it, and so are the
 * real-time anchor statistics, from the impressions before the minute of the row's time.
 */
class SharedEncoderTest {
  @Test
  void onlineFeaturesEncodeLikeTheTrainingRow() {
    TinyWorld world = TinyWorld.get();
    Dataset dataset = world.dataset;
    Dataset.Impressions impressions = dataset.impressions();
    int checked = 0;
    int withFollow = 0;
    int withRefer = 0;
    int withActivity = 0;
    for (int row = impressions.size() / 2; row < impressions.size() && checked < 300; row += 23) {
      OnlineContext online = onlineContext(dataset, row);
      FeatureEncoder encoder = new FeatureEncoder(world.layout);
      LiveActivity activity = activityBefore(dataset, row);
      EncodedBatch batch = new EncodedBatch(world.layout, 1);
      encoder.encode(
          world.vocabulary.context(online),
          world.vocabulary.candidate(dataset.anchors().id(impressions.anchor()[row])),
          activity,
          batch);
      // the simulator writes impressions in time order, so example row = dataset row
      assertThat(world.examples.timestamps()[row]).isEqualTo(impressions.ts()[row]);
      for (int c = 0; c < world.layout.idsWidth(); c++) {
        assertThat(batch.id(0, c))
            .as("row %d id column %d", row, c)
            .isEqualTo(world.examples.features().id(row, c));
      }
      for (int c = 0; c < world.layout.numericWidth(); c++) {
        assertThat(batch.numeric(0, c))
            .as("row %d numeric %s", row, world.layout.numericNames().get(c))
            .isEqualTo(world.examples.features().numeric(row, c));
      }
      withFollow += batch.numeric(0, 0) > 0 ? 1 : 0;
      withActivity += activity.anchor().lastHour(ActivityKind.IMPRESSION) > 0 ? 1 : 0;
      withRefer += online.referAnchorId().isPresent() ? 1 : 0;
      checked++;
    }
    assertThat(checked).isEqualTo(300);
    assertThat(withFollow).as("rows where the user follows the anchor").isPositive();
    assertThat(withRefer).as("swipe rows with a refer room").isPositive();
    assertThat(withActivity).as("rows whose anchor was shown in the last hour").isPositive();
  }

  /**
   * The real-time statistics of the row's anchor counted by brute force from the raw impressions:
   * only those before the minute of the row's time, so never one at or after it.
   */
  static LiveActivity activityBefore(Dataset dataset, int row) {
    Dataset.Impressions impressions = dataset.impressions();
    long ts = impressions.ts()[row];
    long minuteStart = Math.floorDiv(ts, 60) * 60;
    long hourStart = Math.floorDiv(ts, 3600) * 3600;
    int anchor = impressions.anchor()[row];
    int category = dataset.anchorCategory()[anchor];
    float[][] positive = io.onair.dataset.PositiveLabels.byScenario(dataset);
    int[][] hour = new int[3][ActivityKind.COUNT];
    int[][] day = new int[3][ActivityKind.COUNT];
    for (int r = 0; r < impressions.size(); r++) {
      long t = impressions.ts()[r];
      if (t >= minuteStart || t < hourStart - 24 * 3600) {
        continue;
      }
      int a = impressions.anchor()[r];
      List<ActivityKind> kinds = new ArrayList<>(List.of(ActivityKind.IMPRESSION));
      if (io.onair.dataset.PositiveLabels.isPositive(dataset, positive, r)) {
        kinds.add(ActivityKind.CLICK);
      }
      for (int target = 0; target < dataset.targets().size(); target++) {
        Optional<ActivityKind> kind = ActivityKind.ofTarget(dataset.targets().name(target));
        if (kind.isPresent() && impressions.labels()[target][r] > 0) {
          kinds.add(kind.get());
        }
      }
      boolean[] keys = {a == anchor, dataset.anchorCategory()[a] == category, true};
      for (int k = 0; k < 3; k++) {
        if (!keys[k]) {
          continue;
        }
        for (ActivityKind kind : kinds) {
          if (t >= minuteStart - 3600) {
            hour[k][kind.ordinal()]++;
          }
          day[k][kind.ordinal()]++;
        }
      }
    }
    long since = -1;
    if (dataset.liveSchedule().isPresent()) {
      for (long[] session : dataset.liveSchedule().get().sessions(anchor)) {
        if (session[0] <= ts && ts < session[1]) {
          since = Math.max(since, session[0]);
        }
      }
    }
    return new LiveActivity(
        new ActivityWindow(hour[0], day[0]),
        new ActivityWindow(hour[1], day[1]),
        new ActivityWindow(hour[2], day[2]),
        since,
        ts);
  }

  private static OnlineContext onlineContext(Dataset dataset, int row) {
    Dataset.Impressions impressions = dataset.impressions();
    long ts = impressions.ts()[row];
    int user = impressions.user()[row];
    List<String> recentAnchors = new ArrayList<>();
    for (int r = impressions.size() - 1; r >= 0; r--) {
      if (impressions.ts()[r] < ts
          && impressions.user()[r] == user
          && impressions.labels()[0][r] > 0) {
        recentAnchors.add(dataset.anchors().id(impressions.anchor()[r]));
      }
    }
    List<Integer> eventRows = new ArrayList<>();
    Dataset.ItemEvents events = dataset.itemEvents();
    for (int e = 0; e < events.size(); e++) {
      if (events.user()[e] == user && events.ts()[e] < ts) {
        eventRows.add(e);
      }
    }
    // newest first; ties keep the file order reversed, as a ring fed in file order returns them
    eventRows.sort(
        (a, b) ->
            events.ts()[a] != events.ts()[b]
                ? Long.compare(events.ts()[b], events.ts()[a])
                : Integer.compare(b, a));
    List<String> recentItems =
        eventRows.stream().map(e -> dataset.items().id(events.item()[e])).toList();
    Set<String> followed = new LinkedHashSet<>();
    Dataset.Follows follows = dataset.follows();
    for (int f = 0; f < follows.size(); f++) {
      if (follows.user()[f] == user && follows.ts()[f] < ts) {
        followed.add(dataset.anchors().id(follows.anchor()[f]));
      }
    }
    Map<String, String> profile = new HashMap<>();
    dataset.userFeatures().forEach(column -> profile.put(column.name(), column.text(user)));
    int refer = impressions.refer()[row];
    return new OnlineContext(
        dataset.users().id(user),
        profile,
        dataset.manifest().scenarios().get(impressions.scenario()[row]),
        (int) ((ts % 86_400) / 3600),
        refer < 0 ? Optional.empty() : Optional.of(dataset.anchors().id(refer)),
        recentAnchors,
        recentItems,
        followed);
  }
}
