package io.onair.features.load;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.LiveSchedule;
import io.onair.dataset.activity.ActivityKind;
import io.onair.dataset.activity.ImpressionActivity;
import io.onair.dataset.columnar.FeatureColumn;
import io.onair.dataset.progress.Progress;
import io.onair.features.ActivityEvent;
import io.onair.features.ActivityTally;
import io.onair.features.AnchorFeatures;
import io.onair.features.FeatureStore;
import io.onair.features.LiveSession;
import io.onair.features.UserHistory;
import io.onair.features.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads what the services read per request from a dataset into a {@link FeatureStore}: user
 * profiles (declared user features), anchors (category and declared features), the live schedule,
 * the users' histories ({@link UserHistoryBuilder}) from before the held-out days and the day of
 * room activity before them (the real-time anchor statistics). Writes go in batches, each waited
 * for, so a failure stops the load with the store's error.
 */
public final class DatasetFeatureLoader {
  private static final int BATCH = 2_000;

  private DatasetFeatureLoader() {}

  /** What was loaded. */
  public record LoadReport(
      long userProfiles,
      long anchors,
      long liveSessions,
      long histories,
      long historyEntries,
      long activityEvents) {}

  /** How far before the held-out start the real-time statistics are warmed up: their day ring. */
  static final long ACTIVITY_WARM_UP_SECONDS = 25 * 3600;

  public static LoadReport load(
      Dataset dataset, DataWindow window, FeatureStore store, Progress progress) {
    requireNonNull(dataset, "dataset is null");
    requireNonNull(window, "window is null");
    requireNonNull(store, "store is null");
    requireNonNull(progress, "progress is null");

    progress.start("loading user profiles", dataset.userCount(), "users");
    List<UserProfile> profiles = new ArrayList<>(BATCH);
    for (int u = 0; u < dataset.userCount(); u++) {
      profiles.add(new UserProfile(dataset.users().id(u), features(dataset.userFeatures(), u)));
      flushIfFull(profiles, batch -> store.putUserProfiles(batch).join(), progress);
    }
    flush(profiles, batch -> store.putUserProfiles(batch).join(), progress);
    progress.finish("");

    progress.start("loading anchors", dataset.anchorCount(), "anchors");
    List<AnchorFeatures> anchors = new ArrayList<>(BATCH);
    for (int a = 0; a < dataset.anchorCount(); a++) {
      anchors.add(
          new AnchorFeatures(
              dataset.anchors().id(a),
              dataset.categories().id(dataset.anchorCategory()[a]),
              features(dataset.anchorFeatures(), a)));
      flushIfFull(anchors, batch -> store.putAnchors(batch).join(), progress);
    }
    flush(anchors, batch -> store.putAnchors(batch).join(), progress);
    progress.finish("");

    long sessions = 0;
    if (dataset.liveSchedule().isPresent()) {
      LiveSchedule schedule = dataset.liveSchedule().get();
      progress.start("loading live sessions", schedule.sessionCount(), "sessions");
      List<LiveSession> batch = new ArrayList<>(BATCH);
      for (int a = 0; a < dataset.anchorCount(); a++) {
        for (long[] session : schedule.sessions(a)) {
          batch.add(new LiveSession(dataset.anchors().id(a), session[0], session[1]));
          sessions++;
          flushIfFull(batch, b -> store.putLiveSessions(b).join(), progress);
        }
      }
      flush(batch, b -> store.putLiveSessions(b).join(), progress);
      progress.finish("");
    }

    List<UserHistory> histories = UserHistoryBuilder.build(dataset, window);
    progress.start("loading user histories", histories.size(), "histories");
    long entries = 0;
    for (int from = 0; from < histories.size(); from += BATCH) {
      List<UserHistory> batch = histories.subList(from, Math.min(histories.size(), from + BATCH));
      store.replaceHistories(batch).join();
      for (UserHistory history : batch) {
        entries += Math.min(history.entries().size(), store.config().historyMaxLength());
      }
      progress.advance(batch.size());
    }
    progress.finish("");
    long activity = loadActivity(dataset, window, store, progress);
    return new LoadReport(
        dataset.userCount(), dataset.anchorCount(), sessions, histories.size(), entries, activity);
  }

  /**
   * Warms up the real-time anchor statistics with the impressions of the day before the held-out
   * start ({@link ImpressionActivity}, the mapping the training examples count with), so requests
   * at the held-out start see the rooms' last hour and day as training did. Events are summed per
   * key, kind and minute (the counters' finest bucket) before they are written.
   */
  private static long loadActivity(
      Dataset dataset, DataWindow window, FeatureStore store, Progress progress) {
    Dataset.Impressions impressions = dataset.impressions();
    long end = window.holdoutStart();
    long start = end - ACTIVITY_WARM_UP_SECONDS;
    ActivityTally tally = new ActivityTally();
    ImpressionActivity mapping = new ImpressionActivity(dataset);
    ActivityKind[] kinds = new ActivityKind[ActivityKind.COUNT];
    for (int r = 0; r < impressions.size(); r++) {
      long ts = impressions.ts()[r];
      if (ts < start || ts >= end) {
        continue;
      }
      int anchor = impressions.anchor()[r];
      String anchorId = dataset.anchors().id(anchor);
      String category = dataset.categories().id(dataset.anchorCategory()[anchor]);
      int n = mapping.kinds(r, kinds);
      for (int i = 0; i < n; i++) {
        tally.add(anchorId, category, kinds[i], ts);
      }
    }
    List<ActivityEvent> counted = tally.toEvents();
    progress.start("loading real-time anchor statistics", counted.size(), "counts");
    for (int from = 0; from < counted.size(); from += BATCH) {
      List<ActivityEvent> batch = counted.subList(from, Math.min(counted.size(), from + BATCH));
      store.recordActivity(batch).join();
      progress.advance(batch.size());
    }
    progress.finish("");
    return tally.events();
  }

  private static Map<String, String> features(List<FeatureColumn> columns, int row) {
    Map<String, String> values = new LinkedHashMap<>();
    for (FeatureColumn column : columns) {
      String text = column.text(row);
      if (!text.isEmpty()) {
        values.put(column.name(), text);
      }
    }
    return values;
  }

  private static <T> void flushIfFull(List<T> batch, Consumer<List<T>> write, Progress progress) {
    if (batch.size() >= BATCH) {
      flush(batch, write, progress);
    }
  }

  private static <T> void flush(List<T> batch, Consumer<List<T>> write, Progress progress) {
    if (batch.isEmpty()) {
      return;
    }
    write.accept(List.copyOf(batch));
    progress.advance(batch.size());
    batch.clear();
  }
}
