package io.onair.ranking.serving.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.dataset.Dataset;
import io.onair.dataset.activity.ActivityKind;
import io.onair.dataset.activity.ImpressionActivity;
import io.onair.features.ActivityTally;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.LiveSession;
import io.onair.ranking.features.EncodedExamples;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.ranking.features.LiveActivity;
import io.onair.ranking.features.LiveStatistics;
import io.onair.ranking.serving.TinyRankingWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real-time anchor statistics online equal the training examples' on the same event sequence:
 * the tiny world's impressions are replayed in time order into a feature store (in memory, and a
 * real Redis at ONAIR_REDIS_URL in a namespace of its own), as the gateway writes them (an {@link
 * ActivityTally} per second), and before each second's impressions are written the ranker's reader
 * ({@link LiveActivityReader}) gives every sampled row the statistics its training example was
 * encoded with.
 */
class LiveActivityConsistencyTest {
  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void servingReadsTheStatisticsTheTrainingRowsWereEncodedWith(String backend) {
    TinyRankingWorld world = TinyRankingWorld.get();
    Dataset dataset = world.dataset;
    EncodedExamples examples = world.prepared.examples();
    FeatureVocabulary vocabulary = world.prepared.vocabulary();
    List<String> names = examples.layout().numericNames();
    int first = names.indexOf(LiveStatistics.NAMES.get(0));
    assertThat(first).as("the layout has the statistics").isPositive();
    String url =
        backend.equals("memory")
            ? "memory"
            : System.getenv().getOrDefault("ONAIR_REDIS_URL", "redis://127.0.0.1:6379");
    FeatureStoreConfig config =
        FeatureStoreConfig.defaults()
            .withNamespace("onair-test-activity-" + UUID.randomUUID().toString().substring(0, 8));
    try (FeatureStore store = FeatureStores.open(url, config)) {
      try {
        loadSchedule(dataset, store);
        LiveActivityReader reader = new LiveActivityReader(store);
        ImpressionActivity mapping = new ImpressionActivity(dataset);
        Dataset.Impressions impressions = dataset.impressions();
        ActivityKind[] kinds = new ActivityKind[ActivityKind.COUNT];
        float[] online = new float[LiveStatistics.NAMES.size()];
        int compared = 0;
        int withActivity = 0;
        int secondStart = 0;
        for (int row = 0; row <= impressions.size(); row++) {
          if (row < impressions.size()
              && (row == secondStart || impressions.ts()[row] == impressions.ts()[secondStart])) {
            continue;
          }
          // rows [secondStart, row) share one second: read for a sample, then write the second
          long ts = impressions.ts()[secondStart];
          for (int r = secondStart; r < row; r += 7) {
            String anchor = dataset.anchors().id(impressions.anchor()[r]);
            LiveActivity activity =
                reader.start(vocabulary, List.of(anchor), ts).await(60_000_000_000L).activity()[0];
            LiveStatistics.write(activity, online, 0);
            // simulator rows are written in time order, so example row = dataset row
            for (int f = 0; f < online.length; f++) {
              assertThat(online[f])
                  .as("row %d %s", r, names.get(first + f))
                  .isEqualTo(examples.features().numeric(r, first + f));
            }
            withActivity += activity.anchor().lastHour(ActivityKind.IMPRESSION) > 0 ? 1 : 0;
            compared++;
          }
          ActivityTally tally = new ActivityTally();
          for (int r = secondStart; r < row; r++) {
            int anchor = impressions.anchor()[r];
            String anchorId = dataset.anchors().id(anchor);
            String category = dataset.categories().id(dataset.anchorCategory()[anchor]);
            int n = mapping.kinds(r, kinds);
            for (int k = 0; k < n; k++) {
              tally.add(anchorId, category, kinds[k], impressions.ts()[r]);
            }
          }
          store.recordActivity(tally.toEvents()).join();
          secondStart = row;
        }
        assertThat(compared).isGreaterThan(500);
        assertThat(withActivity).as("rows whose anchor was shown in the last hour").isPositive();
      } finally {
        store.clear().join();
      }
    }
  }

  private static void loadSchedule(Dataset dataset, FeatureStore store) {
    if (dataset.liveSchedule().isEmpty()) {
      return;
    }
    List<LiveSession> sessions = new ArrayList<>();
    for (int a = 0; a < dataset.anchorCount(); a++) {
      for (long[] session : dataset.liveSchedule().get().sessions(a)) {
        sessions.add(new LiveSession(dataset.anchors().id(a), session[0], session[1]));
      }
    }
    store.putLiveSessions(sessions).join();
  }
}
