package io.onair.ranking.eval;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import io.onair.ranking.features.EncodedExamples;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scores predictions against the labels and, when present, the truth: per target over all given
 * rows and per scenario, and, when the truth has the refer interest, over the rows with a refer
 * room split by whether the user liked it. Stateless and thread-safe.
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
    return new EvaluationReport(
        model,
        rows.length,
        windowMap(window),
        all,
        perScenario,
        referInterest(examples, modelTargets, predictions, rows));
  }

  /**
   * As {@link #evaluate(String, EncodedExamples, TargetGraph, float[][], int[], DataWindow)}, with
   * the report's window also naming the scenarios the rows were restricted to ({@code scenarios};
   * nothing added when empty).
   */
  public static EvaluationReport evaluate(
      String model,
      EncodedExamples examples,
      TargetGraph modelTargets,
      float[][] predictions,
      int[] rows,
      DataWindow window,
      List<String> scenarios) {
    EvaluationReport report = evaluate(model, examples, modelTargets, predictions, rows, window);
    if (scenarios.isEmpty()) {
      return report;
    }
    Map<String, Object> scoped = new LinkedHashMap<>(windowMap(window));
    scoped.put("scenarios", List.copyOf(scenarios));
    return new EvaluationReport(
        report.model(),
        report.samples(),
        scoped,
        report.targets(),
        report.scenarios(),
        report.referInterest());
  }

  /**
   * The rows of {@code rows} allowed by {@code scenarios} (all of them when it is empty).
   *
   * @throws IllegalArgumentException for a scenario the examples do not have
   */
  public static int[] inScenarios(EncodedExamples examples, int[] rows, List<String> scenarios) {
    if (scenarios.isEmpty()) {
      return rows;
    }
    boolean[] allowed = new boolean[examples.scenarios().size()];
    for (String name : scenarios) {
      int index = examples.scenarios().indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException(
            "unknown scenario '" + name + "' (the dataset's: " + examples.scenarios() + ")");
      }
      allowed[index] = true;
    }
    return IntStream.of(rows).filter(r -> allowed[examples.scenario(r)]).toArray();
  }

  /** Liked / not liked over the rows with a refer room; null without the truth or such rows. */
  private static Map<String, Map<String, TargetMetrics>> referInterest(
      EncodedExamples examples, TargetGraph modelTargets, float[][] predictions, int[] rows) {
    if (!examples.hasReferInterest()) {
      return null;
    }
    byte[] liked = examples.referLiked();
    int[] likedRows = IntStream.of(rows).filter(r -> liked[r] == 1).toArray();
    int[] notLikedRows = IntStream.of(rows).filter(r -> liked[r] == 0).toArray();
    if (likedRows.length == 0 && notLikedRows.length == 0) {
      return null;
    }
    Map<String, Map<String, TargetMetrics>> split = new LinkedHashMap<>();
    if (likedRows.length > 0) {
      split.put(EvaluationReport.LIKED, metrics(examples, modelTargets, predictions, likedRows));
    }
    if (notLikedRows.length > 0) {
      split.put(
          EvaluationReport.NOT_LIKED, metrics(examples, modelTargets, predictions, notLikedRows));
    }
    return split;
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
                TargetMetrics.orNull(RankingMetrics.correlation(predicted, labels, rows)),
                null));
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
              null,
              TargetMetrics.orNull(
                  RankingMetrics.expectedCalibrationError(predicted, labels, rows))));
    }
    return out;
  }
}
