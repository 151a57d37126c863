package io.onair.ranking.graph;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import io.onair.dataset.manifest.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a ranking model is: its kind, its targets and their graph, the loss weights and the layer
 * sizes. Immutable; validated on construction, and against the dataset by {@link #resolveTargets}
 * before any graph is built, so a bad configuration fails before training.
 *
 * @param kind the architecture
 * @param targets the target graph to model; empty = the dataset's. Each target must be a label of
 *     the dataset; parents must be declared and the graph acyclic
 * @param lossWeights per target name; targets not listed weigh 1 (binary) or {@link
 *     #DEFAULT_NUMERIC_LOSS_WEIGHT} (numeric). Must be finite and >= 0
 * @param embeddingDimension width of every embedding (default 16)
 * @param bottomUnits hidden layers of the shared bottom and of single-task networks (default 128,
 *     64)
 * @param towerUnits hidden units of each target's tower (default 32)
 * @param relationUnits hidden units of DBMTL's Bayesian (relation) layer (default 16)
 * @param experts number of MMoE experts (default 4)
 * @param expertUnits hidden units of each expert (default 64)
 * @param learningRate Adam's learning rate for the dense layers (default 0.001)
 * @param embeddingLearningRate AdaGrad's learning rate for the sparse embedding update (default
 *     0.05)
 * @param seed seed of the initial weights (default 1)
 * @param conditionalTowers for the DBMTL models (their Bayesian head): {@code true} (default) = the
 *     talk's factorisation: a child's tower predicts {@code P(child | its parents happened)} and
 *     the model's output for it is that conditional times the probability that all its binary
 *     ancestors happened (the product of their conditionals), trained on the marginal label; {@code
 *     false} = every tower predicts its marginal directly (the behaviour before, kept for
 *     comparison). Ignored by the other models
 * @param conditionalLossWeight for the DBMTL models with conditional towers: weight of an extra
 *     cross-entropy of each binary child's conditional against its label on the rows where all its
 *     binary parents are positive (times the target's loss weight). With the marginal loss this is
 *     the Bayesian network's joint likelihood plus ESMM's entire-space term. Default 1 (measured in
 *     docs/ranking.md); 0 = the marginal loss only. Must be finite and >= 0
 * @param match for the match-tower models (DMR, RUI): the rank tower beside the match tower and the
 *     match tower's sizes (default {@link MatchTowerConfig#defaults}). Ignored by the other models
 */
public record ModelConfig(
    ModelKind kind,
    Optional<List<TargetSpec>> targets,
    Map<String, Double> lossWeights,
    int embeddingDimension,
    List<Integer> bottomUnits,
    int towerUnits,
    int relationUnits,
    int experts,
    int expertUnits,
    float learningRate,
    float embeddingLearningRate,
    long seed,
    boolean conditionalTowers,
    double conditionalLossWeight,
    MatchTowerConfig match) {
  /** Loss weight of numeric targets (log1p regression) when none is configured. */
  public static final double DEFAULT_NUMERIC_LOSS_WEIGHT = 0.1;

  public ModelConfig {
    requireNonNull(kind, "kind is null");
    requireNonNull(targets, "targets is null");
    requireNonNull(match, "match is null");
    targets = targets.map(List::copyOf);
    lossWeights = Map.copyOf(new TreeMap<>(requireNonNull(lossWeights, "lossWeights is null")));
    bottomUnits = List.copyOf(requireNonNull(bottomUnits, "bottomUnits is null"));
    for (Map.Entry<String, Double> weight : lossWeights.entrySet()) {
      if (!Double.isFinite(weight.getValue()) || weight.getValue() < 0) {
        throw new IllegalArgumentException(
            "loss weight of '"
                + weight.getKey()
                + "' must be finite and >= 0, got "
                + weight.getValue());
      }
    }
    positive("embeddingDimension", embeddingDimension);
    positive("towerUnits", towerUnits);
    positive("relationUnits", relationUnits);
    positive("experts", experts);
    positive("expertUnits", expertUnits);
    if (bottomUnits.isEmpty()) {
      throw new IllegalArgumentException("bottomUnits needs at least one layer");
    }
    bottomUnits.forEach(units -> positive("bottomUnits", units));
    if (!Double.isFinite(conditionalLossWeight) || conditionalLossWeight < 0) {
      throw new IllegalArgumentException(
          "conditionalLossWeight must be finite and >= 0, got " + conditionalLossWeight);
    }
    if (!(learningRate > 0) || !(embeddingLearningRate > 0)) {
      throw new IllegalArgumentException("learning rates must be > 0");
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  /** The defaults for {@code kind}, on the dataset's target graph. */
  public static ModelConfig defaults(ModelKind kind) {
    return new ModelConfig(
        kind,
        Optional.empty(),
        Map.of(),
        16,
        List.of(128, 64),
        32,
        16,
        4,
        64,
        0.001f,
        0.05f,
        1L,
        true,
        1.0,
        MatchTowerConfig.defaults());
  }

  public ModelConfig withTargets(List<TargetSpec> targetSpecs) {
    return new ModelConfig(
        kind,
        Optional.of(targetSpecs),
        lossWeights,
        embeddingDimension,
        bottomUnits,
        towerUnits,
        relationUnits,
        experts,
        expertUnits,
        learningRate,
        embeddingLearningRate,
        seed,
        conditionalTowers,
        conditionalLossWeight,
        match);
  }

  public ModelConfig withSeed(long value) {
    return new ModelConfig(
        kind,
        targets,
        lossWeights,
        embeddingDimension,
        bottomUnits,
        towerUnits,
        relationUnits,
        experts,
        expertUnits,
        learningRate,
        embeddingLearningRate,
        value,
        conditionalTowers,
        conditionalLossWeight,
        match);
  }

  /**
   * The Bayesian head of the DBMTL models: conditional towers (the talk's factorisation) or
   * marginal ones, and the weight of the extra conditional loss (see the record's parameters).
   */
  public ModelConfig withBayesianHead(boolean conditional, double conditionalWeight) {
    return new ModelConfig(
        kind,
        targets,
        lossWeights,
        embeddingDimension,
        bottomUnits,
        towerUnits,
        relationUnits,
        experts,
        expertUnits,
        learningRate,
        embeddingLearningRate,
        seed,
        conditional,
        conditionalWeight,
        match);
  }

  /** The match tower of the DMR and RUI models: its rank tower, sizes and pooling. */
  public ModelConfig withMatchTower(MatchTowerConfig value) {
    return new ModelConfig(
        kind,
        targets,
        lossWeights,
        embeddingDimension,
        bottomUnits,
        towerUnits,
        relationUnits,
        experts,
        expertUnits,
        learningRate,
        embeddingLearningRate,
        seed,
        conditionalTowers,
        conditionalLossWeight,
        value);
  }

  /**
   * The architecture of the rank tower: the kind itself, or for a match-tower model (DMR, RUI) its
   * configured rank tower. Decides the loss (ESMM's product, DBMTL's Bayesian head).
   */
  public ModelKind rankArchitecture() {
    return kind.matchTower() ? match.rankTower() : kind;
  }

  public ModelConfig withLossWeights(Map<String, Double> weights) {
    return new ModelConfig(
        kind,
        targets,
        weights,
        embeddingDimension,
        bottomUnits,
        towerUnits,
        relationUnits,
        experts,
        expertUnits,
        learningRate,
        embeddingLearningRate,
        seed,
        conditionalTowers,
        conditionalLossWeight,
        match);
  }

  public ModelConfig withSizes(
      int embedding, List<Integer> bottom, int tower, int expertCount, int expertWidth) {
    return new ModelConfig(
        kind,
        targets,
        lossWeights,
        embedding,
        bottom,
        tower,
        relationUnits,
        expertCount,
        expertWidth,
        learningRate,
        embeddingLearningRate,
        seed,
        conditionalTowers,
        conditionalLossWeight,
        match);
  }

  /**
   * The target graph this model trains, checked against the dataset's: every target must be one of
   * the dataset's labels, with the dataset's kind; parents must be declared and the graph acyclic.
   * Loss weights must name modelled targets.
   *
   * @throws IllegalArgumentException with a message naming the problem
   */
  public TargetGraph resolveTargets(TargetGraph datasetTargets) {
    requireNonNull(datasetTargets, "datasetTargets is null");
    TargetGraph graph;
    if (targets.isEmpty()) {
      graph = datasetTargets;
    } else {
      List<TargetSpec> specs = new ArrayList<>();
      for (TargetSpec spec : targets.get()) {
        if (!datasetTargets.contains(spec.name())) {
          throw new IllegalArgumentException(
              "model "
                  + kind.wireName()
                  + ": unknown target '"
                  + spec.name()
                  + "': the dataset's targets are "
                  + datasetTargets.names());
        }
        TargetKind datasetKind = datasetTargets.target(datasetTargets.indexOf(spec.name())).kind();
        specs.add(new TargetSpec(spec.name(), spec.parents(), datasetKind));
      }
      try {
        graph = TargetGraph.of(specs);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("model " + kind.wireName() + ": " + e.getMessage(), e);
      }
    }
    for (String name : lossWeights.keySet()) {
      if (!graph.contains(name)) {
        throw new IllegalArgumentException(
            "model "
                + kind.wireName()
                + ": loss weight for unknown target '"
                + name
                + "' (targets: "
                + graph.names()
                + ")");
      }
    }
    return graph;
  }

  /** The loss weight of target {@code index} of {@code graph}. */
  public double lossWeight(TargetGraph graph, int index) {
    String name = graph.name(index);
    Double weight = lossWeights.get(name);
    if (weight != null) {
      return weight;
    }
    return graph.target(index).kind() == TargetKind.NUMERIC ? DEFAULT_NUMERIC_LOSS_WEIGHT : 1.0;
  }
}
