package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request side of a ranking input as the online feature store holds it: plain ids and tokens.
 * {@link FeatureVocabulary#context(OnlineContext)} codes it into the {@link ContextFeatures} the
 * encoder reads, so that serving and training share one encoder. Immutable.
 *
 * @param userId the user's id
 * @param userFeatures feature name to token (categorical) or decimal text (numeric); missing =
 *     absent
 * @param scenario the scenario name (must be one the model was trained with)
 * @param hourOfDay 0..23, UTC
 * @param referAnchorId the refer room, if any
 * @param recentAnchorIds anchors the user clicked, newest first
 * @param recentItemIds items the user touched, newest first
 * @param followedAnchorIds anchors the user follows
 */
public record OnlineContext(
    String userId,
    Map<String, String> userFeatures,
    String scenario,
    int hourOfDay,
    Optional<String> referAnchorId,
    List<String> recentAnchorIds,
    List<String> recentItemIds,
    Set<String> followedAnchorIds) {
  public OnlineContext {
    requireNonNull(userId, "userId is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(referAnchorId, "referAnchorId is null");
    userFeatures = Map.copyOf(requireNonNull(userFeatures, "userFeatures is null"));
    recentAnchorIds = List.copyOf(requireNonNull(recentAnchorIds, "recentAnchorIds is null"));
    recentItemIds = List.copyOf(requireNonNull(recentItemIds, "recentItemIds is null"));
    followedAnchorIds = Set.copyOf(requireNonNull(followedAnchorIds, "followedAnchorIds is null"));
  }
}
