package io.onair.ranking.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.Dataset;
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
 * raw events strictly before the impression, as the online store would hold it.
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
    for (int row = impressions.size() / 2; row < impressions.size() && checked < 300; row += 23) {
      OnlineContext online = onlineContext(dataset, row);
      FeatureEncoder encoder = new FeatureEncoder(world.layout);
      EncodedBatch batch = new EncodedBatch(world.layout, 1);
      encoder.encode(
          world.vocabulary.context(online),
          world.vocabulary.candidate(dataset.anchors().id(impressions.anchor()[row])),
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
      withRefer += online.referAnchorId().isPresent() ? 1 : 0;
      checked++;
    }
    assertThat(checked).isEqualTo(300);
    assertThat(withFollow).as("rows where the user follows the anchor").isPositive();
    assertThat(withRefer).as("swipe rows with a refer room").isPositive();
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
