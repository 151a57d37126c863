package io.onair.dataset.activity;

import io.onair.dataset.Dataset;
import io.onair.dataset.PositiveLabels;
import java.util.Arrays;
import java.util.Optional;

/**
 * What one logged impression counts in the real-time anchor statistics: the impression itself, the
 * entry into the room (click, or the 10-second view in swipe: {@link PositiveLabels}) and the
 * follow, cart and purchase targets it led to, all at the impression's time. The one mapping from
 * the log to activity, used by the training examples and by the features load that warms up the
 * online statistics. Immutable after construction; thread-safe.
 */
public final class ImpressionActivity {
  private final Dataset dataset;
  private final float[][] positive;
  private final int[] targetColumns;
  private final ActivityKind[] targetKinds;

  public ImpressionActivity(Dataset dataset) {
    this.dataset = dataset;
    this.positive = PositiveLabels.byScenario(dataset);
    int targets = dataset.targets().size();
    int[] columns = new int[targets];
    ActivityKind[] kinds = new ActivityKind[targets];
    int kept = 0;
    for (int t = 0; t < targets; t++) {
      Optional<ActivityKind> kind = ActivityKind.ofTarget(dataset.targets().name(t));
      if (kind.isPresent()) {
        columns[kept] = t;
        kinds[kept++] = kind.get();
      }
    }
    this.targetColumns = Arrays.copyOf(columns, kept);
    this.targetKinds = Arrays.copyOf(kinds, kept);
  }

  /** Writes the kinds impression {@code row} counts into {@code out}; returns how many. */
  public int kinds(int row, ActivityKind[] out) {
    int n = 0;
    out[n++] = ActivityKind.IMPRESSION;
    if (PositiveLabels.isPositive(dataset, positive, row)) {
      out[n++] = ActivityKind.CLICK;
    }
    float[][] labels = dataset.impressions().labels();
    for (int i = 0; i < targetColumns.length; i++) {
      if (labels[targetColumns[i]][row] > 0) {
        out[n++] = targetKinds[i];
      }
    }
    return n;
  }
}
