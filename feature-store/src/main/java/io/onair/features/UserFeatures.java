package io.onair.features;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a request needs to know about one user, read in one go by {@link
 * FeatureStore#readUser}.
 *
 * <p>An unknown user is not an error: the profile and the histories are empty and {@link
 * #isKnown()} is false, so recall can fall back to popularity.
 *
 * @param userId non-empty user id
 * @param profile the user's profile features, empty if none were stored
 * @param histories one list per {@link HistoryKind} (every kind is present, possibly empty), each
 *     sorted by score descending and at most {@link FeatureStoreConfig#historyMaxLength()} long
 * @param recentlyExposedAnchors anchors shown to the user within the exposure window
 */
public record UserFeatures(
    String userId,
    Map<String, String> profile,
    Map<HistoryKind, List<ScoredId>> histories,
    Set<String> recentlyExposedAnchors) {

  public UserFeatures {
    FeatureArguments.requireId(userId, "userId");
    profile = FeatureArguments.copyFeatures(profile, "profile");
    requireNonNull(histories, "histories is null");
    Map<HistoryKind, List<ScoredId>> complete = new EnumMap<>(HistoryKind.class);
    for (HistoryKind kind : HistoryKind.values()) {
      List<ScoredId> entries = histories.get(kind);
      complete.put(
          kind,
          entries == null
              ? List.of()
              : requireScoreDescending(
                  FeatureArguments.copyElements(entries, "histories[" + kind + "]"), kind));
    }
    for (HistoryKind kind : histories.keySet()) {
      requireNonNull(kind, "histories has a null kind");
    }
    histories = Map.copyOf(complete);
    requireNonNull(recentlyExposedAnchors, "recentlyExposedAnchors is null");
    for (String anchorId : recentlyExposedAnchors) {
      FeatureArguments.requireId(anchorId, "recentlyExposedAnchors element");
    }
    recentlyExposedAnchors = Set.copyOf(recentlyExposedAnchors);
  }

  /** The features of a user the store knows nothing about. */
  public static UserFeatures unknown(String userId) {
    return new UserFeatures(userId, Map.of(), Map.of(), Set.of());
  }

  /** The history of one kind, sorted by score descending; empty if the user has none. */
  public List<ScoredId> history(HistoryKind kind) {
    requireNonNull(kind, "kind is null");
    return histories.get(kind);
  }

  /** True iff the store holds a profile feature or a history entry for this user. */
  public boolean isKnown() {
    return !profile.isEmpty() || histories.values().stream().anyMatch(list -> !list.isEmpty());
  }

  private static List<ScoredId> requireScoreDescending(List<ScoredId> entries, HistoryKind kind) {
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i).score() > entries.get(i - 1).score()) {
        throw new IllegalArgumentException(
            "histories["
                + kind
                + "] is not sorted by score descending at position "
                + i
                + ": "
                + entries.get(i - 1)
                + " before "
                + entries.get(i));
      }
    }
    return entries;
  }
}
