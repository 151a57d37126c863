package io.onair.ranking.serving.features;

import static java.util.Objects.requireNonNull;

import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import io.onair.ranking.features.OnlineContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one mapping from what the online feature store holds about a user to the ranking encoder's
 * {@link OnlineContext}; the encoder ({@code RankingModelBundle.encoder()}) and the vocabulary's
 * {@code context(...)}/{@code candidate(...)} then code it exactly as training does. Stateless.
 *
 * <p>What maps to what, and where serving differs from training (the skew this mapping cannot
 * remove with the store's current schema):
 *
 * <ul>
 *   <li>profile: the store's profile (feature name to the dataset's text) is the user features map
 *       the vocabulary codes. Identical to training (the loader writes {@code column.text(user)}).
 *   <li>recent anchors: training uses the last {@code historyLength} entry-target positives (click,
 *       or the 10-second view in swipe) strictly before the impression, newest first, repeats kept.
 *       The store keeps {@link HistoryKind#WATCHED_ANCHORS} ranked by engagement times recency, one
 *       entry per anchor and without times, so serving takes its top {@code historyLength} entries
 *       in that order. Skew: order and repeats differ; the set is the same kind of positive.
 *   <li>recent items: training uses the items of the last item events, newest first; the store's
 *       {@link HistoryKind#ITEMS} is ranked by action weight times recency, one entry per item.
 *       Same skew as the anchors.
 *   <li>followed anchors: every {@link HistoryKind#FOLLOWS} entry; training uses the follows before
 *       the impression. Identical when the store is up to date.
 *   <li>time: the hour of day (UTC) of the request time, as training computes it from the
 *       impression's time.
 *   <li>histories loaded from a dataset end at its held-out start; requests replaying a later time
 *       see them as of then (plus any events ingested since), while training rows see every event
 *       before their own second.
 *   <li>anchor features come from the model's vocabulary (the training snapshot), not from the
 *       store: an anchor new since training is coded as unknown.
 * </ul>
 */
public final class OnlineFeatures {
  private OnlineFeatures() {}

  /**
   * The encoder's online context for {@code user} in {@code scenario} at {@code requestTime}.
   *
   * @param user the user's features ({@link UserFeatures#unknown} for defaults)
   * @param scenario the request's scenario
   * @param requestTime epoch seconds (UTC) the request is made for
   * @param referAnchorId the refer room, if the request has one the model knows
   * @param historyLength the encoder's history length (its layout's)
   */
  public static OnlineContext context(
      UserFeatures user,
      String scenario,
      long requestTime,
      Optional<String> referAnchorId,
      int historyLength) {
    requireNonNull(user, "user is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    if (requestTime < 0) {
      throw new IllegalArgumentException("requestTime must be >= 0, got " + requestTime);
    }
    Set<String> followed = new LinkedHashSet<>();
    for (ScoredId follow : user.history(HistoryKind.FOLLOWS)) {
      followed.add(follow.id());
    }
    return new OnlineContext(
        user.userId(),
        user.profile(),
        scenario,
        (int) ((requestTime % 86_400) / 3600),
        referAnchorId,
        ids(user.history(HistoryKind.WATCHED_ANCHORS), historyLength),
        ids(user.history(HistoryKind.ITEMS), historyLength),
        followed);
  }

  private static List<String> ids(List<ScoredId> history, int limit) {
    return history.stream().limit(limit).map(ScoredId::id).toList();
  }
}
