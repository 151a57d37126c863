package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each feature sits in the encoded tensors. Every categorical slot owns a contiguous range of
 * one shared id space (id 0 is padding; a slot's own code 0 is its "unknown" row), so one embedding
 * table serves all slots. Rows of the {@code ids} tensor hold: one id per slot, then {@code
 * historyLength} recent anchors (anchor slot ids), their categories and the recent item categories
 * (category slot ids), padded with 0. The numeric vector holds the cross features, the user's and
 * the anchor's numeric features and, unless turned off, the real-time anchor statistics ({@link
 * LiveStatistics}). Immutable.
 *
 * @param slotNames one name per single-valued slot, in order
 * @param slotSizes codes per slot, including the unknown code 0
 * @param historyLength how many recent anchors and item categories are kept (default 8)
 * @param numericNames one name per numeric feature, in order
 */
public record FeatureLayout(
    List<String> slotNames, int[] slotSizes, int historyLength, List<String> numericNames) {
  /** Recent anchors and item categories kept when nothing else is configured. */
  public static final int DEFAULT_HISTORY_LENGTH = 8;

  /** The cross features, first in the numeric vector. */
  static final List<String> CROSS_FEATURES =
      List.of(
          "follows_anchor",
          "recent_anchor_same_category_share",
          "recent_item_same_category_share",
          "clicked_anchor_recently",
          "refer_same_category",
          "recent_click_count_log");

  public FeatureLayout {
    slotNames = List.copyOf(requireNonNull(slotNames, "slotNames is null"));
    requireNonNull(slotSizes, "slotSizes is null");
    numericNames = List.copyOf(requireNonNull(numericNames, "numericNames is null"));
    if (slotNames.size() != slotSizes.length) {
      throw new IllegalArgumentException("one size per slot name is needed");
    }
    if (historyLength < 1) {
      throw new IllegalArgumentException("historyLength must be >= 1, got " + historyLength);
    }
    slotSizes = slotSizes.clone();
  }

  /** The layout for a vocabulary, with the real-time anchor statistics ({@link LiveStatistics}). */
  public static FeatureLayout of(FeatureVocabulary vocabulary, int historyLength) {
    return of(vocabulary, historyLength, true);
  }

  /**
   * The layout for a vocabulary; {@code liveStatistics} adds the real-time anchor statistics after
   * the anchor features (models exported before they existed have none).
   */
  public static FeatureLayout of(
      FeatureVocabulary vocabulary, int historyLength, boolean liveStatistics) {
    List<String> names = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    names.add("user");
    sizes.add(vocabulary.userCount() + 1);
    var userCategorical = vocabulary.file().userCategorical();
    for (int f = 0; f < userCategorical.size(); f++) {
      names.add("user." + userCategorical.get(f).name());
      sizes.add(userCategorical.get(f).tokens().size() + 1);
    }
    names.add("anchor");
    sizes.add(vocabulary.anchorCount() + 1);
    names.add("category");
    sizes.add(vocabulary.categoryCount() + 1);
    var anchorCategorical = vocabulary.file().anchorCategorical();
    for (int f = 0; f < anchorCategorical.size(); f++) {
      names.add("anchor." + anchorCategorical.get(f).name());
      sizes.add(anchorCategorical.get(f).tokens().size() + 1);
    }
    names.add("scenario");
    sizes.add(vocabulary.scenarioCount());
    names.add("hour");
    sizes.add(24);
    names.add("refer_anchor");
    sizes.add(vocabulary.anchorCount() + 1);
    names.add("refer_category");
    sizes.add(vocabulary.categoryCount() + 1);
    List<String> numeric = new ArrayList<>(CROSS_FEATURES);
    vocabulary.file().userNumeric().forEach(n -> numeric.add("user." + n));
    vocabulary.file().anchorNumeric().forEach(n -> numeric.add("anchor." + n));
    if (liveStatistics) {
      numeric.addAll(LiveStatistics.NAMES);
    }
    return new FeatureLayout(
        names, sizes.stream().mapToInt(Integer::intValue).toArray(), historyLength, numeric);
  }

  /** True when the numeric vector ends with the real-time anchor statistics. */
  public boolean hasLiveStatistics() {
    return numericNames.size() >= LiveStatistics.NAMES.size()
        && numericNames
            .subList(numericNames.size() - LiveStatistics.NAMES.size(), numericNames.size())
            .equals(LiveStatistics.NAMES);
  }

  public int slotCount() {
    return slotSizes.length;
  }

  @Override
  public int[] slotSizes() {
    return slotSizes.clone();
  }

  /** The first id of slot {@code slot} in the shared id space. */
  public int offset(int slot) {
    int offset = 1;
    for (int s = 0; s < slot; s++) {
      offset += slotSizes[s];
    }
    return offset;
  }

  /** The slot index of {@code name}. */
  public int slot(String name) {
    int index = slotNames.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no slot named '" + name + "' in " + slotNames);
    }
    return index;
  }

  /** Rows of the shared embedding table: padding + every slot. */
  public int idSpaceSize() {
    return offset(slotSizes.length);
  }

  /** Width of one row of the {@code ids} tensor. */
  public int idsWidth() {
    return slotSizes.length + 3 * historyLength;
  }

  /** Width of one row of the {@code numeric} tensor. */
  public int numericWidth() {
    return numericNames.size();
  }
}
