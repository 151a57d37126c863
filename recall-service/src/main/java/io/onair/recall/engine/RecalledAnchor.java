package io.onair.recall.engine;

import io.onair.recall.merge.Provenance;
import java.util.List;

/**
 * One candidate of a recall answer.
 *
 * @param anchorId the anchor, live at the request time
 * @param category its category
 * @param score the merged score (comparable within one answer)
 * @param provenance every route that recalled it, the most contributing first
 */
public record RecalledAnchor(
    String anchorId, String category, double score, List<Provenance> provenance) {
  public RecalledAnchor {
    provenance = List.copyOf(provenance);
  }
}
