package io.onair.gateway.blend;

import static java.util.Objects.requireNonNull;

import io.onair.gateway.config.DiversityConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.function.Function;

/**
 * The diversity limit: at most {@code maxPerCategory} of one category among the first {@code
 * topPositions} items. Greedy: each top position takes the best remaining item whose category is
 * under the limit; when none is, the best remaining item (the limit is relaxed). Items skipped for
 * a top position are demoted and say so. Positions after the top keep the fused order. Immutable
 * and thread-safe.
 */
public final class Diversity {
  private final DiversityConfig config;

  public Diversity(DiversityConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  /** The selection of one request. */
  public record Selection<T>(List<T> items, List<T> demoted, boolean relaxed) {
    public Selection {
      items = List.copyOf(items);
      demoted = List.copyOf(demoted);
    }
  }

  /** Chooses up to {@code count} items of {@code ranked} (best first) under the limit. */
  public <T> Selection<T> select(List<T> ranked, Function<T, String> category, int count) {
    LinkedList<T> remaining = new LinkedList<>(ranked);
    List<T> chosen = new ArrayList<>(Math.min(count, ranked.size()));
    List<T> demoted = new ArrayList<>();
    Map<String, Integer> perCategory = new HashMap<>();
    boolean relaxed = false;
    while (chosen.size() < count && !remaining.isEmpty()) {
      T pick = null;
      if (chosen.size() < config.topPositions()) {
        List<T> skipped = new ArrayList<>();
        for (ListIterator<T> it = remaining.listIterator(); it.hasNext(); ) {
          T item = it.next();
          if (perCategory.getOrDefault(category.apply(item), 0) < config.maxPerCategory()) {
            pick = item;
            it.remove();
            break;
          }
          skipped.add(item);
        }
        if (pick == null) {
          pick = remaining.removeFirst();
          relaxed = true;
        } else {
          for (T item : skipped) {
            if (!demoted.contains(item)) {
              demoted.add(item);
            }
          }
        }
        perCategory.merge(category.apply(pick), 1, Integer::sum);
      } else {
        pick = remaining.removeFirst();
      }
      chosen.add(pick);
    }
    demoted.retainAll(chosen);
    return new Selection<>(chosen, demoted, relaxed);
  }

  public DiversityConfig config() {
    return config;
  }
}
