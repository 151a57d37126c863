package io.onair.relations;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the recall routes read besides the feature store: the anchor and item catalogues (dense
 * indexes), A2A and I2I neighbours, the anchors selling each item and popularity per scenario, with
 * the version and data window they were built from. Immutable by contract (arrays are not copied;
 * callers must not modify them) and thread-safe.
 *
 * @param version opaque id of this build, a digest of its content
 * @param dataset the dataset's name (manifest)
 * @param data the dataset directory it was built from, as given
 * @param window the time split: built from {@code [start, holdoutStart)}
 * @param alwaysLive true when the dataset has no live schedule (every anchor always live)
 * @param scenarios the dataset's scenarios
 * @param anchorIds anchor ids by index
 * @param anchorCategories each anchor's category, by index
 * @param itemIds item ids by index
 * @param anchorNeighbours A2A: anchor index to similar anchor indexes
 * @param itemNeighbours I2I: item index to similar item indexes
 * @param itemAnchors item index to the indexes of anchors selling it, scored {@code 1 /
 *     sqrt(sellers)}
 * @param popularity anchors by popularity per scenario
 */
public record Relations(
    String version,
    String dataset,
    String data,
    DataWindow window,
    boolean alwaysLive,
    List<String> scenarios,
    List<String> anchorIds,
    List<String> anchorCategories,
    List<String> itemIds,
    NeighbourTable anchorNeighbours,
    NeighbourTable itemNeighbours,
    NeighbourTable itemAnchors,
    PopularityTable popularity) {

  public static final String FORMAT = "onair-relations/1";

  public Relations {
    requireNonNull(version, "version is null");
    requireNonNull(dataset, "dataset is null");
    requireNonNull(data, "data is null");
    requireNonNull(window, "window is null");
    scenarios = List.copyOf(requireNonNull(scenarios, "scenarios is null"));
    anchorIds = List.copyOf(requireNonNull(anchorIds, "anchorIds is null"));
    anchorCategories = List.copyOf(requireNonNull(anchorCategories, "anchorCategories is null"));
    itemIds = List.copyOf(requireNonNull(itemIds, "itemIds is null"));
    requireNonNull(anchorNeighbours, "anchorNeighbours is null");
    requireNonNull(itemNeighbours, "itemNeighbours is null");
    requireNonNull(itemAnchors, "itemAnchors is null");
    requireNonNull(popularity, "popularity is null");
    if (anchorCategories.size() != anchorIds.size()) {
      throw new IllegalArgumentException("anchorCategories and anchorIds differ in length");
    }
    if (anchorNeighbours.size() != anchorIds.size()) {
      throw new IllegalArgumentException("the A2A table must have one row per anchor");
    }
    if (itemNeighbours.size() != itemIds.size() || itemAnchors.size() != itemIds.size()) {
      throw new IllegalArgumentException("the I2I and item-anchor tables need one row per item");
    }
  }

  /**
   * These relations with every anchor treated as always live: for offline evaluation over a whole
   * held-out period, where no single second's live set applies.
   */
  public Relations withEveryAnchorLive() {
    return new Relations(
        version,
        dataset,
        data,
        window,
        true,
        scenarios,
        anchorIds,
        anchorCategories,
        itemIds,
        anchorNeighbours,
        itemNeighbours,
        itemAnchors,
        popularity);
  }

  /** Anchor id to index; build once and keep (it is a fresh map each call). */
  public Map<String, Integer> anchorIndex() {
    return index(anchorIds);
  }

  /** Item id to index; build once and keep (it is a fresh map each call). */
  public Map<String, Integer> itemIndex() {
    return index(itemIds);
  }

  private static Map<String, Integer> index(List<String> ids) {
    Map<String, Integer> index = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    return Map.copyOf(index);
  }
}
