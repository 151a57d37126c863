package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The one feature encoder of the ranker: training ({@link DatasetExamples}) and serving call the
 * same {@link #encode} on {@link ContextFeatures} and {@link CandidateFeatures}, so the model sees
 * the same features in both. Writes, per row: the categorical slot ids of user, profile, anchor,
 * category, anchor profile, scenario, hour and refer room; the recent anchors, their categories and
 * the recent item categories (mean-pooled by the model); and the numeric vector: cross features
 * (follows this anchor, share of recent anchors and items in the candidate's category, clicked this
 * anchor recently, refer room in the same category, log of the history length) followed by the
 * numeric user and anchor features as signed {@code log1p}, then the real-time anchor statistics
 * ({@link LiveStatistics}) when the layout has them. Immutable and thread-safe.
 */
public final class FeatureEncoder {
  private final FeatureLayout layout;
  private final int userSlot;
  private final int anchorSlot;
  private final int categorySlot;
  private final int scenarioSlot;
  private final int[] offsets;
  private final boolean liveStatistics;

  public FeatureEncoder(FeatureLayout layout) {
    this.layout = requireNonNull(layout, "layout is null");
    this.userSlot = layout.slot("user");
    this.anchorSlot = layout.slot("anchor");
    this.categorySlot = layout.slot("category");
    this.scenarioSlot = layout.slot("scenario");
    this.liveStatistics = layout.hasLiveStatistics();
    this.offsets = new int[layout.slotCount()];
    for (int s = 0; s < offsets.length; s++) {
      offsets[s] = layout.offset(s);
    }
  }

  public FeatureLayout layout() {
    return layout;
  }

  /**
   * Encodes one (context, candidate) pair into the next row of {@code batch}; {@code activity} is
   * the candidate's room just before the request (ignored when the layout has no real-time
   * statistics).
   *
   * @return the row written
   * @throws IllegalArgumentException when a code is outside its slot or the feature counts do not
   *     match the layout
   */
  public int encode(
      ContextFeatures context,
      CandidateFeatures candidate,
      LiveActivity activity,
      EncodedBatch batch) {
    requireNonNull(activity, "activity is null");
    int userCategorical = anchorSlot - userSlot - 1;
    int anchorCategorical = scenarioSlot - categorySlot - 1;
    if (context.userCategorical().length != userCategorical
        || candidate.anchorCategorical().length != anchorCategorical) {
      throw new IllegalArgumentException(
          "feature counts do not match the layout: user "
              + context.userCategorical().length
              + " vs "
              + userCategorical
              + ", anchor "
              + candidate.anchorCategorical().length
              + " vs "
              + anchorCategorical);
    }
    int row = batch.nextRow();
    int[] ids = batch.ids;
    int base = row * layout.idsWidth();
    int column = 0;
    ids[base + column++] = id(userSlot, context.user());
    for (int f = 0; f < userCategorical; f++) {
      ids[base + column++] = id(userSlot + 1 + f, context.userCategorical()[f]);
    }
    ids[base + column++] = id(anchorSlot, candidate.anchor());
    ids[base + column++] = id(categorySlot, candidate.category());
    for (int f = 0; f < anchorCategorical; f++) {
      ids[base + column++] = id(categorySlot + 1 + f, candidate.anchorCategorical()[f]);
    }
    ids[base + column++] = id(scenarioSlot, context.scenario());
    ids[base + column++] = id(scenarioSlot + 1, context.hourOfDay());
    ids[base + column++] = id(scenarioSlot + 2, context.referAnchor());
    ids[base + column++] = id(scenarioSlot + 3, context.referCategory());
    int history = layout.historyLength();
    int[] recent = context.recentAnchors();
    int[] recentCategories = context.recentAnchorCategories();
    int[] itemCategories = context.recentItemCategories();
    int kept = 0;
    int sameCategory = 0;
    boolean clickedBefore = false;
    for (int i = 0; i < history; i++) {
      boolean present = i < recent.length && recent[i] > 0;
      ids[base + column + i] = present ? id(anchorSlot, recent[i]) : 0;
      int category = i < recentCategories.length ? recentCategories[i] : 0;
      ids[base + column + history + i] = present && category > 0 ? id(categorySlot, category) : 0;
      if (present) {
        kept++;
        sameCategory += category == candidate.category() && category > 0 ? 1 : 0;
        clickedBefore |= recent[i] == candidate.anchor() && recent[i] > 0;
      }
    }
    int keptItems = 0;
    int sameItemCategory = 0;
    for (int i = 0; i < history; i++) {
      boolean present = i < itemCategories.length && itemCategories[i] > 0;
      ids[base + column + 2 * history + i] = present ? id(categorySlot, itemCategories[i]) : 0;
      if (present) {
        keptItems++;
        sameItemCategory += itemCategories[i] == candidate.category() ? 1 : 0;
      }
    }
    float[] numeric = batch.numeric;
    int n = row * layout.numericWidth();
    numeric[n] =
        candidate.anchor() > 0
                && Arrays.binarySearch(context.followedAnchors(), candidate.anchor()) >= 0
            ? 1f
            : 0f;
    numeric[n + 1] = kept == 0 ? 0f : sameCategory / (float) kept;
    numeric[n + 2] = keptItems == 0 ? 0f : sameItemCategory / (float) keptItems;
    numeric[n + 3] = clickedBefore ? 1f : 0f;
    numeric[n + 4] =
        context.referCategory() > 0 && context.referCategory() == candidate.category() ? 1f : 0f;
    numeric[n + 5] = (float) (Math.log1p(kept) / Math.log1p(history));
    int next = n + FeatureLayout.CROSS_FEATURES.size();
    for (float value : context.userNumeric()) {
      numeric[next++] = signedLog1p(value);
    }
    for (float value : candidate.anchorNumeric()) {
      numeric[next++] = signedLog1p(value);
    }
    if (liveStatistics) {
      LiveStatistics.write(activity, numeric, next);
      next += LiveStatistics.NAMES.size();
    }
    if (next != n + layout.numericWidth()) {
      throw new IllegalArgumentException(
          "numeric feature count "
              + (next - n)
              + " does not match the layout's "
              + layout.numericWidth());
    }
    batch.scenario[row] = context.scenario();
    return row;
  }

  private int id(int slot, int code) {
    if (code < 0 || code >= layoutSize(slot)) {
      throw new IllegalArgumentException(
          "code " + code + " is outside slot '" + layout.slotNames().get(slot) + "'");
    }
    return offsets[slot] + code;
  }

  private int layoutSize(int slot) {
    int end = slot + 1 < offsets.length ? offsets[slot + 1] : layout.idSpaceSize();
    return end - offsets[slot];
  }

  private static float signedLog1p(float value) {
    if (Float.isNaN(value)) {
      return 0f;
    }
    return (float) (Math.signum(value) * Math.log1p(Math.abs(value)));
  }
}
