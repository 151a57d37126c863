package io.onair.ranking.eval;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The result of {@code onair eval rank} (contracts.md section 4): per target over all held-out
 * rows, and per scenario per target. Maps keep target graph and scenario order. Immutable.
 *
 * <p>{@code referInterest} (JSON {@code refer_interest}, absent when null) splits the rows that
 * have a refer room (swipe) by the simulator's truth of whether the user liked it: keys {@code
 * liked} and {@code not_liked}, each per target. Only a dataset whose truth/ has {@code
 * refer_liked} fills it.
 */
public record EvaluationReport(
    @JsonProperty("model") String model,
    @JsonProperty("samples") long samples,
    @JsonProperty("window") Map<String, Object> window,
    @JsonProperty("targets") Map<String, TargetMetrics> targets,
    @JsonProperty("scenarios") Map<String, Map<String, TargetMetrics>> scenarios,
    @JsonProperty("refer_interest") @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, Map<String, TargetMetrics>> referInterest) {
  /** The key of the rows whose user liked the refer room. */
  public static final String LIKED = "liked";

  /** The key of the rows whose user did not like the refer room. */
  public static final String NOT_LIKED = "not_liked";

  public EvaluationReport {
    requireNonNull(model, "model is null");
    window = Map.copyOf(requireNonNull(window, "window is null"));
    requireNonNull(targets, "targets is null");
    requireNonNull(scenarios, "scenarios is null");
  }

  /** A report without the refer-interest split. */
  public EvaluationReport(
      String model,
      long samples,
      Map<String, Object> window,
      Map<String, TargetMetrics> targets,
      Map<String, Map<String, TargetMetrics>> scenarios) {
    this(model, samples, window, targets, scenarios, null);
  }

  /** A fixed-width table, one line per target: all rows first, then each scenario. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%-10s %-14s %9s %8s %8s %8s %8s %8s%n",
            "scope", "target", "samples", "auc", "gauc", "oracle", "logloss", "ece"));
    appendScope(out, "all", targets);
    scenarios.forEach((scenario, metrics) -> appendScope(out, scenario, metrics));
    if (referInterest != null && !referInterest.isEmpty()) {
      out.append("refer interest (rows with a refer room, by truth/ refer_liked):")
          .append(System.lineSeparator());
      referInterest.forEach((group, metrics) -> appendScope(out, group, metrics));
    }
    return out.toString();
  }

  private static void appendScope(
      StringBuilder out, String scope, Map<String, TargetMetrics> metrics) {
    metrics.forEach(
        (target, m) -> {
          if (m.rmse() != null || m.correlation() != null) {
            out.append(
                String.format(
                    "%-10s %-14s %9d   rmse %.3f  corr %s%n",
                    scope, target, m.samples(), m.rmse(), format(m.correlation())));
          } else {
            out.append(
                String.format(
                    "%-10s %-14s %9d %8s %8s %8s %8s %8s%n",
                    scope,
                    target,
                    m.samples(),
                    format(m.auc()),
                    format(m.gauc()),
                    format(m.oracleAuc()),
                    format(m.logloss()),
                    format(m.ece())));
          }
        });
  }

  private static String format(Double value) {
    return value == null ? "-" : String.format("%.4f", value);
  }
}
