package io.onair.ranking.serving.features;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.activity.ActivityWindow;
import io.onair.features.ActivityKeys;
import io.onair.features.FeatureStore;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.ranking.features.LiveActivity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the candidates' real-time statistics from the feature store (the anchors', their
 * categories' and all rooms' activity windows, and the live sessions' starts: two reads started
 * together), degrading instead of failing: a store that fails or does not answer within the limit
 * yields "no activity" for every candidate, marked unavailable. Thread-safe.
 */
public final class LiveActivityReader {
  private static final System.Logger log = System.getLogger(LiveActivityReader.class.getName());

  private final FeatureStore store;

  public LiveActivityReader(FeatureStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** The candidates' activity, aligned with the anchor ids asked for. */
  public record Read(LiveActivity[] activity, boolean available) {
    public Read {
      requireNonNull(activity, "activity is null");
    }
  }

  /** Reads started by {@link #start}; {@link #await} collects them. */
  public final class Pending {
    private final List<String> anchorIds;
    private final List<Optional<String>> categoryIds;
    private final long atEpochSecond;
    private final CompletableFuture<Map<String, ActivityWindow>> windows;
    private final CompletableFuture<Map<String, Long>> starts;

    private Pending(
        List<String> anchorIds,
        List<Optional<String>> categoryIds,
        long atEpochSecond,
        CompletableFuture<Map<String, ActivityWindow>> windows,
        CompletableFuture<Map<String, Long>> starts) {
      this.anchorIds = anchorIds;
      this.categoryIds = categoryIds;
      this.atEpochSecond = atEpochSecond;
      this.windows = windows;
      this.starts = starts;
    }

    /** The activity once both reads answered, or none for all if they fail or take too long. */
    public Read await(long limitNanos) {
      if (windows == null) {
        return unavailable();
      }
      long end = System.nanoTime() + Math.max(0, limitNanos);
      try {
        Map<String, ActivityWindow> byKey =
            windows.get(Math.max(0, limitNanos), TimeUnit.NANOSECONDS);
        Map<String, Long> since =
            starts.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        LiveActivity[] activity = new LiveActivity[anchorIds.size()];
        ActivityWindow all = byKey.getOrDefault(ActivityKeys.ALL, ActivityWindow.EMPTY);
        for (int i = 0; i < activity.length; i++) {
          String anchor = anchorIds.get(i);
          activity[i] =
              new LiveActivity(
                  byKey.getOrDefault(ActivityKeys.anchor(anchor), ActivityWindow.EMPTY),
                  categoryIds
                      .get(i)
                      .map(c -> byKey.getOrDefault(ActivityKeys.category(c), ActivityWindow.EMPTY))
                      .orElse(ActivityWindow.EMPTY),
                  all,
                  since.getOrDefault(anchor, -1L),
                  atEpochSecond);
        }
        return new Read(activity, true);
      } catch (TimeoutException e) {
        windows.cancel(false);
        starts.cancel(false);
        return unavailable();
      } catch (ExecutionException e) {
        log.log(
            System.Logger.Level.WARNING,
            "feature store activity read failed; using no activity: " + e.getCause());
        return unavailable();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return unavailable();
      }
    }

    private Read unavailable() {
      LiveActivity[] none = new LiveActivity[anchorIds.size()];
      Arrays.fill(none, LiveActivity.none(atEpochSecond));
      return new Read(none, false);
    }
  }

  /**
   * Starts reading the activity of {@code anchorIds} before the minute of {@code atEpochSecond},
   * each with its category as the model's {@code vocabulary} knows it (none for an anchor it does
   * not know).
   */
  public Pending start(FeatureVocabulary vocabulary, List<String> anchorIds, long atEpochSecond) {
    List<Optional<String>> categoryIds = new ArrayList<>(anchorIds.size());
    for (String anchorId : anchorIds) {
      categoryIds.add(vocabulary.categoryId(vocabulary.candidate(anchorId).category()));
    }
    Set<String> keys = new LinkedHashSet<>();
    keys.add(ActivityKeys.ALL);
    for (int i = 0; i < anchorIds.size(); i++) {
      keys.add(ActivityKeys.anchor(anchorIds.get(i)));
      categoryIds.get(i).ifPresent(c -> keys.add(ActivityKeys.category(c)));
    }
    try {
      return new Pending(
          anchorIds,
          categoryIds,
          atEpochSecond,
          store.readActivity(new ArrayList<>(keys), atEpochSecond),
          store.liveSessionStarts(atEpochSecond));
    } catch (RuntimeException e) {
      log.log(System.Logger.Level.WARNING, "feature store refused an activity read", e);
      return new Pending(anchorIds, categoryIds, atEpochSecond, null, null);
    }
  }
}
