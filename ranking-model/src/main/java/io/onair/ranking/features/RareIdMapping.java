package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * Which encoded ids a model treats as unknown because the training rows hold them too rarely to
 * learn a row of their own: an id seen fewer than {@code minCount} times in the given rows (any
 * column: the single slots and the history columns) is mapped to its slot's unknown id (code 0 of
 * that slot), so all rare users, anchors, categories and feature tokens of a slot share one trained
 * row. The scenario and hour slots are never mapped (their code 0 is a real value). The mapping is
 * baked into the model's graph, so serving maps ids exactly as training did. Stateless.
 */
public final class RareIdMapping {
  /** Slots whose code 0 is a real value, not "unknown". */
  private static final Set<String> UNMAPPED_SLOTS = Set.of("scenario", "hour");

  private RareIdMapping() {}

  /** The result: the mapping, and how many ids it sent to an unknown row. */
  public record Result(int[] mapping, int mappedIds, int keptIds) {
    public Result {
      requireNonNull(mapping, "mapping is null");
    }
  }

  /**
   * The mapping for {@code rows} of {@code examples}; empty when {@code minCount <= 1} (every id
   * keeps its row).
   */
  public static Optional<Result> of(EncodedExamples examples, int[] rows, int minCount) {
    requireNonNull(examples, "examples is null");
    requireNonNull(rows, "rows is null");
    if (minCount <= 1) {
      return Optional.empty();
    }
    FeatureLayout layout = examples.layout();
    int width = layout.idsWidth();
    int[] counts = new int[layout.idSpaceSize()];
    int[] ids = examples.features().ids;
    for (int row : rows) {
      int base = row * width;
      for (int c = 0; c < width; c++) {
        counts[ids[base + c]]++;
      }
    }
    int[] mapping = new int[counts.length];
    int mapped = 0;
    int kept = 0;
    for (int slot = 0; slot < layout.slotCount(); slot++) {
      int unknown = layout.offset(slot);
      int end = slot + 1 < layout.slotCount() ? layout.offset(slot + 1) : layout.idSpaceSize();
      boolean mappable = !UNMAPPED_SLOTS.contains(layout.slotNames().get(slot));
      for (int id = unknown; id < end; id++) {
        if (mappable && id != unknown && counts[id] < minCount) {
          mapping[id] = unknown;
          mapped += counts[id] > 0 ? 1 : 0;
        } else {
          mapping[id] = id;
          kept += counts[id] > 0 ? 1 : 0;
        }
      }
    }
    return Optional.of(new Result(mapping, mapped, kept));
  }
}
