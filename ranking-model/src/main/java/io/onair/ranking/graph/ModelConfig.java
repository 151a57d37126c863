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
 *     the Bayesian network's joint likelihood plus ESMM's entire-space term. Default 0, the
 *     marginal loss only: on real logs the conditional loss over the few parent-positive rows of a
 *     batch over-fitted the shared layers (docs/ranking.md, "Why DBMTL lost"). Must be finite and
 *     >= 0
 * @param match for the match-tower models (DMR, RUI): the rank tower beside the match tower and the
 *     match tower's sizes (default {@link MatchTowerConfig#defaults}). Ignored by the other models
 * @param marginalLossWeight for the DBMTL models with conditional towers: weight of the marginal
 *     (entire-space) cross-entropy of each binary child, the product against its marginal label.
 *     With {@code conditionalLossWeight} this chooses the loss: marginal only (the default), both,
 *     or conditional only (0 here). Roots always keep their cross-entropy. Must be finite and >= 0
 * @param conditionalLossPerImpression for the DBMTL models' conditional loss: {@code true} = its
 *     sum over the parent-positive rows divided by the batch's rows, so that with the root's loss
 *     it is the Bayesian network's log-likelihood per impression and a rare child weighs as many
 *     rows as it has; {@code false} = divided by the parent-positive rows only (the behaviour
 *     before the recipe), which weighs each of those rows batch/parent-positive times more
 * @param regularization dropout, L2 on the embedding rows and the rare-id threshold (default {@link
 *     Regularization#defaults})
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
    MatchTowerConfig match,
    double marginalLossWeight,
    Regularization regularization,
    boolean conditionalLossPerImpression) {
  /** Loss weight of numeric targets (log1p regression) when none is configured. */
  public static final double DEFAULT_NUMERIC_LOSS_WEIGHT = 0.1;

  /**
   * What keeps a model from fitting noise. Immutable; validated on construction.
   *
   * @param dropout the rate at which every ReLU hidden unit (bottom, experts, towers, relation
   *     layers, match towers) is dropped while training; 0 = none, and then the graph has no
   *     dropout ops at all. Must be in [0, 1)
   * @param embeddingL2 weight of the L2 penalty on the embedding rows a batch gathers (the sum of
   *     their squares per row, averaged over the batch), so frequent ids are held back more, as the
   *     usual "embedding regularisation on lookups"; 0 = none. Must be finite and >= 0
   * @param minIdCount ids (users, anchors, categories, feature tokens) seen in fewer training rows
   *     than this share their slot's unknown row, in training and in serving (the mapping is a
   *     constant inside the exported graph); 1 = every id keeps its row. Must be >= 1
   */
  public record Regularization(double dropout, double embeddingL2, int minIdCount) {
    public Regularization {
      if (!(dropout >= 0 && dropout < 1)) {
        throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
      }
      if (!Double.isFinite(embeddingL2) || embeddingL2 < 0) {
        throw new IllegalArgumentException(
            "embeddingL2 must be finite and >= 0, got " + embeddingL2);
      }
      if (minIdCount < 1) {
        throw new IllegalArgumentException("minIdCount must be >= 1, got " + minIdCount);
      }
    }

    /** No dropout, no L2, every id its own row: what the models did before the recipe. */
    public static Regularization none() {
      return new Regularization(0, 0, 1);
    }

    /** The recipe's defaults (docs/ranking.md, "The training recipe"). */
    public static Regularization defaults() {
      return new Regularization(DEFAULT_DROPOUT, DEFAULT_EMBEDDING_L2, DEFAULT_MIN_ID_COUNT);
    }
  }

  static final double DEFAULT_DROPOUT = 0.0;
  static final double DEFAULT_EMBEDDING_L2 = 0.0;
  static final int DEFAULT_MIN_ID_COUNT = 2;

  public ModelConfig {
    requireNonNull(kind, "kind is null");
    requireNonNull(targets, "targets is null");
    requireNonNull(match, "match is null");
    requireNonNull(regularization, "regularization is null");
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
    if (!Double.isFinite(marginalLossWeight) || marginalLossWeight < 0) {
      throw new IllegalArgumentException(
          "marginalLossWeight must be finite and >= 0, got " + marginalLossWeight);
    }
    if (conditionalLossWeight == 0 && marginalLossWeight == 0) {
      throw new IllegalArgumentException(
          "conditionalLossWeight and marginalLossWeight cannot both be 0: the children would"
              + " not be trained");
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
        DEFAULT_CONDITIONAL_LOSS_WEIGHT,
        MatchTowerConfig.defaults(),
        1.0,
        Regularization.defaults(),
        DEFAULT_CONDITIONAL_LOSS_PER_IMPRESSION);
  }

  static final boolean DEFAULT_CONDITIONAL_LOSS_PER_IMPRESSION = false;

  static final double DEFAULT_CONDITIONAL_LOSS_WEIGHT = 0.0;

  /** A mutable copy of a configuration, for the {@code with...} methods. */
  private static final class Copy {
    ModelKind kind;
    Optional<List<TargetSpec>> targets;
    Map<String, Double> lossWeights;
    int embeddingDimension;
    List<Integer> bottomUnits;
    int towerUnits;
    int relationUnits;
    int experts;
    int expertUnits;
    float learningRate;
    float embeddingLearningRate;
    long seed;
    boolean conditionalTowers;
    double conditionalLossWeight;
    MatchTowerConfig match;
    double marginalLossWeight;
    Regularization regularization;
    boolean conditionalLossPerImpression;

    Copy(ModelConfig c) {
      kind = c.kind;
      targets = c.targets;
      lossWeights = c.lossWeights;
      embeddingDimension = c.embeddingDimension;
      bottomUnits = c.bottomUnits;
      towerUnits = c.towerUnits;
      relationUnits = c.relationUnits;
      experts = c.experts;
      expertUnits = c.expertUnits;
      learningRate = c.learningRate;
      embeddingLearningRate = c.embeddingLearningRate;
      seed = c.seed;
      conditionalTowers = c.conditionalTowers;
      conditionalLossWeight = c.conditionalLossWeight;
      match = c.match;
      marginalLossWeight = c.marginalLossWeight;
      regularization = c.regularization;
      conditionalLossPerImpression = c.conditionalLossPerImpression;
    }

    ModelConfig build() {
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
          match,
          marginalLossWeight,
          regularization,
          conditionalLossPerImpression);
    }
  }

  private ModelConfig with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  public ModelConfig withKind(ModelKind value) {
    return with(c -> c.kind = requireNonNull(value, "value is null"));
  }

  public ModelConfig withTargets(List<TargetSpec> targetSpecs) {
    return with(c -> c.targets = Optional.of(targetSpecs));
  }

  public ModelConfig withSeed(long value) {
    return with(c -> c.seed = value);
  }

  /**
   * The Bayesian head of the DBMTL models: conditional towers (the talk's factorisation) or
   * marginal ones, and the weight of the extra conditional loss (see the record's parameters).
   */
  public ModelConfig withBayesianHead(boolean conditional, double conditionalWeight) {
    return with(
        c -> {
          c.conditionalTowers = conditional;
          c.conditionalLossWeight = conditionalWeight;
        });
  }

  /** How the DBMTL conditional loss is averaged (see the record's parameters). */
  public ModelConfig withConditionalLossPerImpression(boolean value) {
    return with(c -> c.conditionalLossPerImpression = value);
  }

  /** The weight of the DBMTL children's marginal (entire-space) loss. */
  public ModelConfig withMarginalLossWeight(double value) {
    return with(c -> c.marginalLossWeight = value);
  }

  /** The match tower of the DMR and RUI models: its rank tower, sizes and pooling. */
  public ModelConfig withMatchTower(MatchTowerConfig value) {
    return with(c -> c.match = value);
  }

  /**
   * The architecture of the rank tower: the kind itself, or for a match-tower model (DMR, RUI) its
   * configured rank tower. Decides the loss (ESMM's product, DBMTL's Bayesian head).
   */
  public ModelKind rankArchitecture() {
    return kind.matchTower() ? match.rankTower() : kind;
  }

  public ModelConfig withLossWeights(Map<String, Double> weights) {
    return with(c -> c.lossWeights = weights);
  }

  public ModelConfig withSizes(
      int embedding, List<Integer> bottom, int tower, int expertCount, int expertWidth) {
    return with(
        c -> {
          c.embeddingDimension = embedding;
          c.bottomUnits = bottom;
          c.towerUnits = tower;
          c.experts = expertCount;
          c.expertUnits = expertWidth;
        });
  }

  public ModelConfig withRelationUnits(int value) {
    return with(c -> c.relationUnits = value);
  }

  /** Adam's learning rate for the dense layers and AdaGrad's for the embedding rows. */
  public ModelConfig withLearningRates(float dense, float embedding) {
    return with(
        c -> {
          c.learningRate = dense;
          c.embeddingLearningRate = embedding;
        });
  }

  public ModelConfig withRegularization(Regularization value) {
    return with(c -> c.regularization = value);
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
