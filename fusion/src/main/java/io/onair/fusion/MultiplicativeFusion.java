package io.onair.fusion;

import io.onair.dataset.manifest.TargetGraph;

/**
 * Along the target graph: the weighted terms of the targets at one depth add, and the depths
 * multiply (product.md). Depths without a weighted target are skipped, so a configuration that
 * weighs only click and purchase scores {@code (w p_click) * (w' p_purchase)}. Immutable and
 * thread-safe.
 */
final class MultiplicativeFusion implements ScoreFusion {
  /** levels[d] = target indices of the d-th non-empty depth. */
  private final int[][] levels;

  private final double[] weightByTarget;
  private final double[] exponentByTarget;
  private final int predictionCount;

  MultiplicativeFusion(
      TargetGraph graph, boolean[] used, double[] weightByTarget, double[] exponentByTarget) {
    int maxDepth = graph.maxDepth();
    int[][] byDepth = new int[maxDepth + 1][];
    int levelCount = 0;
    for (int depth = 0; depth <= maxDepth; depth++) {
      int count = 0;
      for (int t = 0; t < graph.size(); t++) {
        if (used[t] && graph.depth(t) == depth) {
          count++;
        }
      }
      if (count == 0) {
        continue;
      }
      int[] level = new int[count];
      int next = 0;
      for (int t = 0; t < graph.size(); t++) {
        if (used[t] && graph.depth(t) == depth) {
          level[next++] = t;
        }
      }
      byDepth[levelCount++] = level;
    }
    this.levels = java.util.Arrays.copyOf(byDepth, levelCount);
    this.weightByTarget = weightByTarget.clone();
    this.exponentByTarget = exponentByTarget.clone();
    this.predictionCount = graph.size();
  }

  @Override
  public double score(float[] predictions) {
    TermCheck.requireLength(predictions, predictionCount);
    double product = 1;
    for (int[] level : levels) {
      double sum = 0;
      for (int t : level) {
        sum += TermCheck.term(weightByTarget[t], predictions[t], exponentByTarget[t]);
      }
      product *= sum;
    }
    return product;
  }
}
