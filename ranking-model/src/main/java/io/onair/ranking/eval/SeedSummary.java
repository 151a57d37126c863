package io.onair.ranking.eval;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

/**
 * The same models compared under several seeds: per model and binary target, the mean and the
 * sample standard deviation of the held-out AUC and GAUC over the seeds, as a markdown table
 * ({@code mean ± std}) and JSON. A difference between two models smaller than their standard
 * deviations is not a result. Immutable.
 */
public final class SeedSummary {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Mean and sample standard deviation (0 for one value) of one metric over the seeds. */
  public record Spread(double mean, double std, int n) {
    static Spread of(List<Double> values) {
      double sum = 0;
      for (double v : values) {
        sum += v;
      }
      double mean = sum / values.size();
      double squares = 0;
      for (double v : values) {
        squares += (v - mean) * (v - mean);
      }
      double std = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0;
      return new Spread(mean, std, values.size());
    }
  }

  private final String dataset;
  private final List<Long> seeds;
  private final Map<String, Map<String, Spread[]>> perModel = new LinkedHashMap<>();

  /**
   * {@code runs.get(i)} are the reports of seed {@code seeds.get(i)}, one per model, the same
   * models (by name) in every run.
   *
   * @throws IllegalArgumentException when the runs do not hold the same models
   */
  public SeedSummary(String dataset, List<Long> seeds, List<List<EvaluationReport>> runs) {
    this.dataset = requireNonNull(dataset, "dataset is null");
    this.seeds = List.copyOf(requireNonNull(seeds, "seeds is null"));
    requireNonNull(runs, "runs is null");
    if (runs.isEmpty() || runs.size() != seeds.size()) {
      throw new IllegalArgumentException("one run per seed is needed");
    }
    List<String> models = runs.get(0).stream().map(EvaluationReport::model).toList();
    for (List<EvaluationReport> run : runs) {
      if (!run.stream().map(EvaluationReport::model).toList().equals(models)) {
        throw new IllegalArgumentException("every seed must compare the same models");
      }
    }
    for (int m = 0; m < models.size(); m++) {
      Set<String> targets = new LinkedHashSet<>();
      for (List<EvaluationReport> run : runs) {
        run.get(m)
            .targets()
            .forEach(
                (name, metrics) -> {
                  if (metrics.auc() != null) {
                    targets.add(name);
                  }
                });
      }
      Map<String, Spread[]> spreads = new LinkedHashMap<>();
      for (String target : targets) {
        List<Double> aucs = new ArrayList<>();
        List<Double> gaucs = new ArrayList<>();
        for (List<EvaluationReport> run : runs) {
          TargetMetrics metrics = run.get(m).targets().get(target);
          if (metrics != null && metrics.auc() != null) {
            aucs.add(metrics.auc());
          }
          if (metrics != null && metrics.gauc() != null) {
            gaucs.add(metrics.gauc());
          }
        }
        spreads.put(
            target, new Spread[] {Spread.of(aucs), gaucs.isEmpty() ? null : Spread.of(gaucs)});
      }
      perModel.put(models.get(m), spreads);
    }
  }

  /** The mean and spread of {@code model}'s AUC ({@code gauc} false) or GAUC on {@code target}. */
  public Spread spread(String model, String target, boolean gauc) {
    Spread[] spreads = perModel.getOrDefault(model, Map.of()).get(target);
    if (spreads == null) {
      throw new IllegalArgumentException("no " + target + " for model " + model);
    }
    return spreads[gauc ? 1 : 0];
  }

  /** The markdown: one table of AUC and one of GAUC, {@code mean ± std} per model and target. */
  public String markdown() {
    Set<String> targets = new LinkedHashSet<>();
    perModel.values().forEach(m -> targets.addAll(m.keySet()));
    StringBuilder out = new StringBuilder();
    out.append("Held-out AUC on ")
        .append(dataset)
        .append(", mean ± std over seeds ")
        .append(seeds)
        .append("\n\n");
    table(out, targets, false);
    out.append("\nHeld-out GAUC, mean ± std over the same seeds\n\n");
    table(out, targets, true);
    return out.toString();
  }

  private void table(StringBuilder out, Set<String> targets, boolean gauc) {
    out.append("| model |");
    targets.forEach(t -> out.append(' ').append(t).append(" |"));
    out.append("\n| --- |");
    targets.forEach(t -> out.append(" ---: |"));
    out.append('\n');
    perModel.forEach(
        (model, spreads) -> {
          out.append("| ").append(model).append(" |");
          for (String target : targets) {
            Spread[] s = spreads.get(target);
            Spread spread = s == null ? null : s[gauc ? 1 : 0];
            out.append(' ')
                .append(
                    spread == null
                        ? "-"
                        : String.format("%.4f ± %.4f", spread.mean(), spread.std()))
                .append(" |");
          }
          out.append('\n');
        });
  }

  /** Writes {@code summary.md} and {@code summary.json} into {@code directory}. */
  public void write(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("summary.md"), markdown());
      Map<String, Object> models = new LinkedHashMap<>();
      perModel.forEach(
          (model, spreads) -> {
            Map<String, Object> targets = new LinkedHashMap<>();
            spreads.forEach(
                (target, s) -> {
                  Map<String, Object> values = new LinkedHashMap<>();
                  values.put("auc", s[0]);
                  values.put("gauc", s[1]);
                  targets.put(target, values);
                });
            models.put(model, targets);
          });
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("dataset", dataset);
      json.put("seeds", seeds);
      json.put("models", models);
      JSON.writeValue(directory.resolve("summary.json").toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the summary to " + directory, e);
    }
  }
}
