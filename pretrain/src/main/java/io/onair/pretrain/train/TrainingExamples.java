package io.onair.pretrain.train;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.PositiveLabels;
import io.onair.dataset.progress.Progress;
import io.onair.pretrain.sequences.ModalitySequences;
import io.onair.pretrain.sequences.SequenceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The next-anchor training examples, without leakage: the training days are cut at every UTC
 * midnight after the first day; at each cut {@code t}, a user's sequences are built from the events
 * before {@code t} only, and each distinct anchor the user entered (click, or the 10-second view in
 * swipe: {@link PositiveLabels}) in {@code [t, t + 1 day)} (and before the held-out days) is one
 * example's label. So every label lies after everything its input saw, as at serving time, where
 * the vectors are computed from the histories up to now and judged on what comes next.
 *
 * <p>Rows are (user, cut) pairs holding the six sequences; examples point at rows. Immutable by
 * contract (callers must not modify the arrays) and thread-safe.
 *
 * @param tokens the rows' sequences, {@code rows * rowWidth} token ids
 * @param rowWidth ints per row (modalities times {@code L + 1})
 * @param exampleRow each example's row
 * @param exampleLabel each example's label anchor (dataset anchor index)
 * @param cuts the cut times used
 * @param rows the number of rows
 */
public record TrainingExamples(
    int[] tokens, int rowWidth, int[] exampleRow, int[] exampleLabel, long[] cuts, int rows) {
  private static final long DAY = 86_400;

  public TrainingExamples {
    requireNonNull(tokens, "tokens is null");
    requireNonNull(exampleRow, "exampleRow is null");
    requireNonNull(exampleLabel, "exampleLabel is null");
    requireNonNull(cuts, "cuts is null");
    if (exampleRow.length != exampleLabel.length) {
      throw new IllegalArgumentException("exampleRow and exampleLabel differ in length");
    }
    for (int e = 0; e < exampleRow.length; e++) {
      if (exampleRow[e] < (e == 0 ? 0 : exampleRow[e - 1]) || exampleRow[e] >= rows) {
        throw new IllegalArgumentException("examples must be in row order, within the rows");
      }
    }
  }

  public int size() {
    return exampleRow.length;
  }

  /**
   * Builds the examples of the training part of {@code window}.
   *
   * @param maxLabelsPerUserDay at most this many distinct labels per user and cut (the first ones
   *     in time), so that the heaviest users do not dominate the loss
   * @throws IllegalArgumentException when the training days hold no example
   */
  public static TrainingExamples build(
      Dataset dataset,
      DataWindow window,
      SequenceBuilder sequences,
      int maxLabelsPerUserDay,
      Progress progress) {
    requireNonNull(dataset, "dataset is null");
    requireNonNull(window, "window is null");
    requireNonNull(sequences, "sequences is null");
    requireNonNull(progress, "progress is null");
    long firstCut = Math.floorDiv(window.start(), DAY) * DAY + DAY;
    List<Long> cutList = new ArrayList<>();
    for (long t = firstCut; t < window.holdoutStart(); t += DAY) {
      cutList.add(t);
    }
    if (cutList.isEmpty()) {
      throw new IllegalArgumentException(
          "the training days (" + window + ") are too short: pretraining needs at least two");
    }
    List<Map<Integer, Set<Integer>>> labelsByCut = new ArrayList<>();
    for (int c = 0; c < cutList.size(); c++) {
      labelsByCut.add(new LinkedHashMap<>());
    }
    Dataset.Impressions imp = dataset.impressions();
    float[][] positive = PositiveLabels.byScenario(dataset);
    for (int i = 0; i < imp.size(); i++) {
      long ts = imp.ts()[i];
      if (ts < firstCut
          || !window.isTraining(ts)
          || !PositiveLabels.isPositive(dataset, positive, i)) {
        continue;
      }
      int c = (int) ((ts - firstCut) / DAY);
      Set<Integer> own =
          labelsByCut.get(c).computeIfAbsent(imp.user()[i], u -> new LinkedHashSet<>(4));
      if (own.size() < maxLabelsPerUserDay) {
        own.add(imp.anchor()[i]);
      }
    }

    int rowWidth = sequences.width() * io.onair.pretrain.sequences.Modality.count();
    int totalRows = labelsByCut.stream().mapToInt(Map::size).sum();
    int totalExamples =
        labelsByCut.stream().flatMap(m -> m.values().stream()).mapToInt(Set::size).sum();
    if (totalExamples == 0) {
      throw new IllegalArgumentException(
          "no positive impression after the first training day: nothing to pretrain on");
    }
    int[] tokens = new int[Math.multiplyExact(totalRows, rowWidth)];
    int[] exampleRow = new int[totalExamples];
    int[] exampleLabel = new int[totalExamples];
    progress.start("sequences at " + cutList.size() + " daily cuts", cutList.size(), "cuts");
    int row = 0;
    int example = 0;
    for (int c = 0; c < cutList.size(); c++) {
      Map<Integer, Set<Integer>> labels = labelsByCut.get(c);
      int[] users = labels.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      ModalitySequences built = sequences.build(window, cutList.get(c), users);
      System.arraycopy(built.tokens(), 0, tokens, row * rowWidth, built.tokens().length);
      for (int r = 0; r < users.length; r++) {
        for (int anchor : labels.get(users[r])) {
          exampleRow[example] = row + r;
          exampleLabel[example++] = anchor;
        }
      }
      row += users.length;
      progress.advance(1);
    }
    progress.finish(String.format("%,d examples over %,d (user, day) rows", example, row));
    return new TrainingExamples(
        tokens,
        rowWidth,
        exampleRow,
        exampleLabel,
        cutList.stream().mapToLong(Long::longValue).toArray(),
        row);
  }

  /** How often each anchor is a label, by anchor index. */
  public long[] labelCounts(int anchors) {
    long[] counts = new long[anchors];
    for (int a : exampleLabel) {
      counts[a]++;
    }
    return counts;
  }

  /** Row r's examples are {@code [rowStarts[r], rowStarts[r + 1])} (examples are in row order). */
  int[] rowStarts() {
    int[] starts = new int[rows + 1];
    for (int row : exampleRow) {
      starts[row + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      starts[r + 1] += starts[r];
    }
    return starts;
  }
}
