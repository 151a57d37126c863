package io.onair.ranking.eval;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import io.onair.ranking.features.EncodedExamples;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scores predictions against the labels and, when present, the truth: per target over all given
 * rows and per scenario. Stateless and thread-safe.
 */
public final class RankingEvaluator {
  private RankingEvaluator() {}

  /**
   * Evaluates {@code predictions} (one array per model target, aligned with {@code examples}' rows;
   * only {@code rows} are read).
   *
   * @param modelTargets the model's target graph (a subset of the dataset's)
   */
  public static EvaluationReport evaluate(
      String model,
      EncodedExamples examples,
      TargetGraph modelTargets,
      float[][] predictions,
      int[] rows,
      DataWindow window) {
    requireNonNull(examples, "examples is null");
    requireNonNull(modelTargets, "modelTargets is null");
    requireNonNull(predictions, "predictions is null");
    requireNonNull(rows, "rows is null");
    Map<String, TargetMetrics> all = metrics(examples, modelTargets, predictions, rows);
    Map<String, Map<String, TargetMetrics>> perScenario = new LinkedHashMap<>();
    for (int s = 0; s < examples.scenarios().size(); s++) {
      int scenario = s;
      int[] scenarioRows =
          IntStream.of(rows).filter(r -> examples.scenario(r) == scenario).toArray();
      if (scenarioRows.length > 0) {
        perScenario.put(
            examples.scenarios().get(s),
            metrics(examples, modelTargets, predictions, scenarioRows));
      }
    }
    return new EvaluationReport(model, rows.length, windowMap(window), all, perScenario);
  }

  /** The window as contracts.md writes it. */
  public static Map<String, Object> windowMap(DataWindow window) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("start", Instant.ofEpochSecond(window.start()).toString());
    map.put("holdout_start", Instant.ofEpochSecond(window.holdoutStart()).toString());
    map.put("end", Instant.ofEpochSecond(window.end()).toString());
    map.put("holdout_days", window.holdoutDays());
    return map;
  }

  private static Map<String, TargetMetrics> metrics(
      EncodedExamples examples, TargetGraph modelTargets, float[][] predictions, int[] rows) {
    Map<String, TargetMetrics> out = new LinkedHashMap<>();
    for (int t = 0; t < modelTargets.size(); t++) {
      String name = modelTargets.name(t);
      int column = examples.targets().indexOf(name);
      float[] labels = examples.labels()[column];
      float[] predicted = predictions[t];
      if (modelTargets.target(t).kind() == TargetKind.NUMERIC) {
        out.put(
            name,
            new TargetMetrics(
                rows.length,
                null,
                null,
                null,
                null,
                null,
                TargetMetrics.orNull(RankingMetrics.rootMeanSquaredError(predicted, labels, rows)),
                TargetMetrics.orNull(RankingMetrics.correlation(predicted, labels, rows))));
        continue;
      }
      long positives = 0;
      for (int row : rows) {
        positives += labels[row] > 0 ? 1 : 0;
      }
      Double oracle = null;
      if (examples.hasTruth() && examples.truth()[column] != null) {
        oracle = TargetMetrics.orNull(RankingMetrics.auc(examples.truth()[column], labels, rows));
      }
      out.put(
          name,
          new TargetMetrics(
              rows.length,
              positives,
              TargetMetrics.orNull(RankingMetrics.auc(predicted, labels, rows)),
              TargetMetrics.orNull(
                  RankingMetrics.groupAuc(predicted, labels, examples.users(), rows)),
              oracle,
              TargetMetrics.orNull(RankingMetrics.logLoss(predicted, labels, rows)),
              null,
              null));
    }
    return out;
  }
}
