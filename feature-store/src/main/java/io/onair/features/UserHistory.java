package io.onair.features;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole history of one kind for one user, as loaded by a batch job. Entries may come in any
 * order; the store ranks them and keeps the best {@link FeatureStoreConfig#historyMaxLength()}.
 *
 * @param userId non-empty user id
 * @param kind the history kind
 * @param entries the entries, each id at most once; an empty list empties the history
 */
public record UserHistory(String userId, HistoryKind kind, List<ScoredId> entries) {
  public UserHistory {
    FeatureArguments.requireId(userId, "userId");
    requireNonNull(kind, "kind is null");
    entries = FeatureArguments.copyElements(entries, "entries");
    Set<String> seen = new HashSet<>(entries.size() * 2);
    for (ScoredId entry : entries) {
      if (!seen.add(entry.id())) {
        throw new IllegalArgumentException(
            "entries of "
                + kind
                + " for user '"
                + userId
                + "' contain id '"
                + entry.id()
                + "' more than once");
      }
    }
  }
}
