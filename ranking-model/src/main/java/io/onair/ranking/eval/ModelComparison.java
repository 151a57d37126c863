package io.onair.ranking.eval;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Several models' held-out evaluations side by side: a markdown table (AUC / GAUC per target, the
 * oracle AUC beside them, then one table per scenario), the same as JSON, and a PNG bar chart of
 * AUC per target per model (rendered headless). Each model's learning curves are drawn apart, by
 * {@link LearningCurves} ({@code onair compare rank} writes them to {@code curves/NAME.png} beside
 * these files). Immutable.
 */
public final class ModelComparison {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String dataset;
  private final List<EvaluationReport> reports;

  public ModelComparison(String dataset, List<EvaluationReport> reports) {
    this.dataset = requireNonNull(dataset, "dataset is null");
    this.reports = List.copyOf(requireNonNull(reports, "reports is null"));
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
  }

  /**
   * Writes {@code comparison.md}, {@code comparison.json} and {@code auc.png} into {@code
   * directory}.
   */
  public void write(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("comparison.md"), markdown());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("dataset", dataset);
      json.put("models", reports);
      JSON.writeValue(directory.resolve("comparison.json").toFile(), json);
      writeChart(directory.resolve("auc.png"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the comparison to " + directory, e);
    }
  }

  /** The markdown tables. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("Held-out AUC / GAUC per target on ")
        .append(dataset)
        .append(" (")
        .append(reports.get(0).samples())
        .append(" rows)\n\n");
    table(out, "all", r -> r.targets());
    Set<String> scenarios = new LinkedHashSet<>();
    reports.forEach(r -> scenarios.addAll(r.scenarios().keySet()));
    for (String scenario : scenarios) {
      out.append("\nScenario `").append(scenario).append("`\n\n");
      table(out, scenario, r -> r.scenarios().getOrDefault(scenario, Map.of()));
    }
    return out.toString();
  }

  private void table(
      StringBuilder out,
      String scope,
      java.util.function.Function<EvaluationReport, Map<String, TargetMetrics>> metrics) {
    List<String> targets = binaryTargets(metrics);
    out.append("| model |");
    targets.forEach(t -> out.append(' ').append(t).append(" |"));
    out.append("\n| --- |");
    targets.forEach(t -> out.append(" ---: |"));
    out.append('\n');
    for (EvaluationReport report : reports) {
      out.append("| ").append(report.model()).append(" |");
      Map<String, TargetMetrics> m = metrics.apply(report);
      for (String target : targets) {
        TargetMetrics tm = m.get(target);
        out.append(' ')
            .append(tm == null ? "-" : format(tm.auc()) + " / " + format(tm.gauc()))
            .append(" |");
      }
      out.append('\n');
    }
    Map<String, TargetMetrics> first = metrics.apply(reports.get(0));
    if (first.values().stream().anyMatch(tm -> tm.oracleAuc() != null)) {
      out.append("| oracle (truth) |");
      for (String target : targets) {
        TargetMetrics tm = first.get(target);
        out.append(' ').append(tm == null ? "-" : format(tm.oracleAuc())).append(" |");
      }
      out.append('\n');
    }
  }

  private List<String> binaryTargets(
      java.util.function.Function<EvaluationReport, Map<String, TargetMetrics>> metrics) {
    Set<String> targets = new LinkedHashSet<>();
    for (EvaluationReport report : reports) {
      metrics
          .apply(report)
          .forEach(
              (name, m) -> {
                if (m.rmse() == null && m.correlation() == null) {
                  targets.add(name);
                }
              });
    }
    return new ArrayList<>(targets);
  }

  private void writeChart(Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (EvaluationReport report : reports) {
      report
          .targets()
          .forEach(
              (target, m) -> {
                if (m.auc() != null) {
                  data.addValue(m.auc(), report.model(), target);
                }
              });
    }
    EvaluationReport first = reports.get(0);
    first
        .targets()
        .forEach(
            (target, m) -> {
              if (m.oracleAuc() != null) {
                data.addValue(m.oracleAuc(), "oracle (truth)", target);
              }
            });
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Held-out AUC per target, " + dataset,
            "target",
            "AUC",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setRange(0.5, 1.0);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 600);
  }

  private static String format(Double value) {
    return value == null ? "-" : String.format("%.4f", value);
  }
}
