package io.onair.fusion;

/** {@code sum_k w_k p_k^e_k} over the weighted targets. Immutable and thread-safe. */
final class AdditiveFusion implements ScoreFusion {
  private final int[] targets;
  private final double[] weights;
  private final double[] exponents;
  private final int predictionCount;

  AdditiveFusion(boolean[] used, double[] weightByTarget, double[] exponentByTarget) {
    int count = 0;
    for (boolean u : used) {
      count += u ? 1 : 0;
    }
    targets = new int[count];
    weights = new double[count];
    exponents = new double[count];
    int next = 0;
    for (int t = 0; t < used.length; t++) {
      if (used[t]) {
        targets[next] = t;
        weights[next] = weightByTarget[t];
        exponents[next] = exponentByTarget[t];
        next++;
      }
    }
    this.predictionCount = used.length;
  }

  @Override
  public double score(float[] predictions) {
    TermCheck.requireLength(predictions, predictionCount);
    double sum = 0;
    for (int i = 0; i < targets.length; i++) {
      sum += TermCheck.term(weights[i], predictions[targets[i]], exponents[i]);
    }
    return sum;
  }
}
