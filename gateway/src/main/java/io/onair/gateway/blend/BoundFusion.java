package io.onair.gateway.blend;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.fusion.FusionConfig;
import io.onair.fusion.FusionFormula;
import io.onair.fusion.ScoreFusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A scenario's {@link FusionConfig} bound to the target graph of the model that produced the
 * predictions. The score is the fusion library's ({@link ScoreFusion}); this class adds what the
 * debug answer shows: the terms, the formula text and the formula with an item's numbers. Immutable
 * and thread-safe.
 */
public final class BoundFusion {
  private final FusionConfig config;
  private final TargetGraph graph;
  private final ScoreFusion fusion;

  /** Groups in formula order; each holds the weighted target indexes of one group. */
  private final List<int[]> groups;

  private final String formula;

  /**
   * Binds {@code config} to {@code graph}.
   *
   * @throws IllegalArgumentException when a weighted target is not in the graph
   */
  public BoundFusion(FusionConfig config, TargetGraph graph) {
    this.config = requireNonNull(config, "config is null");
    this.graph = requireNonNull(graph, "graph is null");
    this.fusion = config.bind(graph);
    Map<Integer, List<Integer>> byGroup = new TreeMap<>();
    for (int t = 0; t < graph.size(); t++) {
      if (config.weights().containsKey(graph.name(t))) {
        byGroup.computeIfAbsent(groupOf(t), g -> new ArrayList<>()).add(t);
      }
    }
    this.groups =
        byGroup.values().stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toList();
    this.formula = render(t -> "p_" + graph.name(t));
  }

  public FusionFormula kind() {
    return config.formula();
  }

  /** The formula with its weights, for example {@code (1.0*p_click) * (2.0*p_follow)}. */
  public String formula() {
    return formula;
  }

  /**
   * The fused score of one candidate's predictions (target name to value; a target the map lacks
   * counts as 0). The hot path: every ranked candidate goes through it, so it builds no text.
   */
  public double score(Map<String, Double> predictions) {
    return fusion.score(values(predictions));
  }

  /**
   * Fuses one candidate's predictions like {@link #score} and explains it: the terms and the
   * formula with the candidate's numbers. For the items a debug answer returns, not for every
   * candidate (formatting the numbers costs far more than the fusion).
   */
  public FusedScore fuse(Map<String, Double> predictions) {
    float[] values = values(predictions);
    double score = fusion.score(values);
    List<FusionTermValue> terms = new ArrayList<>();
    for (int t = 0; t < graph.size(); t++) {
      String name = graph.name(t);
      Double weight = config.weights().get(name);
      if (weight == null) {
        continue;
      }
      double exponent = config.exponents().getOrDefault(name, 1.0);
      double p = Math.max(0.0, values[t]);
      double value = weight * (exponent == 1.0 ? p : Math.pow(p, exponent));
      terms.add(new FusionTermValue(name, values[t], weight, exponent, groupOf(t), value));
    }
    return new FusedScore(score, terms, render(t -> number(values[t])));
  }

  private float[] values(Map<String, Double> predictions) {
    float[] values = new float[graph.size()];
    for (int t = 0; t < values.length; t++) {
      Double p = predictions.get(graph.name(t));
      values[t] = p == null ? 0f : p.floatValue();
    }
    return values;
  }

  private int groupOf(int target) {
    return config.formula() == FusionFormula.MULTIPLICATIVE ? graph.depth(target) : 0;
  }

  private String render(IntFunction<String> operand) {
    StringBuilder text = new StringBuilder();
    boolean multiplicative = config.formula() == FusionFormula.MULTIPLICATIVE;
    for (int g = 0; g < groups.size(); g++) {
      if (g > 0) {
        text.append(multiplicative ? " * " : " + ");
      }
      if (multiplicative) {
        text.append('(');
      }
      int[] group = groups.get(g);
      for (int i = 0; i < group.length; i++) {
        int t = group[i];
        if (i > 0) {
          text.append(" + ");
        }
        String name = graph.name(t);
        text.append(number(config.weights().get(name))).append('*').append(operand.apply(t));
        Double exponent = config.exponents().get(name);
        if (exponent != null && exponent != 1.0) {
          text.append('^').append(number(exponent));
        }
      }
      if (multiplicative) {
        text.append(')');
      }
    }
    return text.toString();
  }

  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.4g", value);
    if (text.contains("e")) {
      return text;
    }
    if (text.contains(".")) {
      text = text.replaceAll("0+$", "");
      if (text.endsWith(".")) {
        text = text + "0";
      }
    }
    return text;
  }
}
