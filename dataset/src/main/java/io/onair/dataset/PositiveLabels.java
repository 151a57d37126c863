package io.onair.dataset;

/**
 * Which label makes an impression a positive (the user entered and watched the room): the one rule
 * shared by the user histories the services read, the relations job (co-watching), the ranking
 * encoder's recent-anchor history and recall evaluation (what a hit is): the 10-second view in
 * {@code swipe} when the dataset has a {@code view10s} target, otherwise the entry target (the
 * first root of the target graph: {@code click}). Stateless and thread-safe.
 */
public final class PositiveLabels {
  private PositiveLabels() {}

  /** For each scenario index of the dataset, the label column that marks a positive. */
  public static float[][] byScenario(Dataset dataset) {
    var scenarios = dataset.manifest().scenarios();
    int view10s = dataset.targets().indexOf("view10s");
    float[][] columns = new float[scenarios.size()][];
    for (int s = 0; s < scenarios.size(); s++) {
      int target = scenarios.get(s).equals("swipe") && view10s >= 0 ? view10s : 0;
      columns[s] = dataset.impressions().label(target);
    }
    return columns;
  }

  /** True when impression {@code row} is a positive. */
  public static boolean isPositive(Dataset dataset, float[][] byScenario, int row) {
    return byScenario[dataset.impressions().scenario()[row]][row] > 0;
  }
}
