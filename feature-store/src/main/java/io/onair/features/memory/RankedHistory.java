package io.onair.features.memory;

import io.onair.features.ScoredId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One user history in memory: a score per id, kept in {@link ScoredId#RANKING} order and trimmed to
 * the best {@code maxLength} entries, like a Redis sorted set trimmed with ZREMRANGEBYRANK.
 *
 * <p>Not thread-safe: {@link UserState} guards it.
 */
final class RankedHistory {
  private final Map<String, Double> scores = new HashMap<>();
  private final TreeSet<ScoredId> ranked = new TreeSet<>(ScoredId.RANKING);

  void put(String id, double score, int maxLength) {
    Double previous = scores.put(id, score);
    if (previous != null) {
      ranked.remove(new ScoredId(id, previous));
    }
    ranked.add(new ScoredId(id, score));
    trim(maxLength);
  }

  void increment(String id, double delta, int maxLength) {
    double score = scores.getOrDefault(id, 0.0) + delta;
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException(
          "incrementing '" + id + "' by " + delta + " gives a score that is not finite");
    }
    put(id, score, maxLength);
  }

  void remove(String id) {
    Double previous = scores.remove(id);
    if (previous != null) {
      ranked.remove(new ScoredId(id, previous));
    }
  }

  void replace(List<ScoredId> entries, int maxLength) {
    scores.clear();
    ranked.clear();
    for (ScoredId entry : entries) {
      scores.put(entry.id(), entry.score());
      ranked.add(entry);
    }
    trim(maxLength);
  }

  /**
   * The best {@code maxLength} entries, best first (the history may be longer after a config
   * change).
   */
  List<ScoredId> top(int maxLength) {
    List<ScoredId> top = new ArrayList<>(Math.min(maxLength, ranked.size()));
    for (ScoredId entry : ranked) {
      if (top.size() == maxLength) {
        break;
      }
      top.add(entry);
    }
    return top;
  }

  private void trim(int maxLength) {
    while (ranked.size() > maxLength) {
      scores.remove(ranked.pollLast().id());
    }
    assert scores.size() == ranked.size();
  }
}
