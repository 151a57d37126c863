package io.onair.ranking.graph;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import io.onair.ranking.features.FeatureLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unique;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Builds every ranking model of {@link ModelKind} into a graph: shared inputs (one embedding table
 * over the encoder's id space, mean-pooled histories, numeric features), the architecture's towers,
 * the loss (weighted sum over the target graph of per-target log-likelihoods: sigmoid cross-entropy
 * for binary targets, squared error on {@code log1p} for numeric ones) and one training step (Adam
 * on the dense layers, a sparse AdaGrad update on the embedding rows the batch touched). Stateless;
 * not thread-safe per graph.
 */
public final class RankingGraphBuilder {
  private static final float EMBEDDING_SCALE = 0.05f;
  private static final float ADAGRAD_INITIAL_ACCUMULATOR = 0.1f;
  private static final float PROBABILITY_FLOOR = 1e-7f;
  private static final float ADAM_BETA1 = 0.9f;
  private static final float ADAM_BETA2 = 0.999f;
  private static final float ADAM_EPSILON = 1e-8f;

  /**
   * The last four single-valued slots (scenario, hour, refer room, refer category) are
   * scenario-specific.
   */
  private static final int SCENARIO_SPECIFIC_SLOTS = 4;

  private RankingGraphBuilder() {}

  /**
   * Builds {@code config}'s model for {@code targets} (already resolved with {@link
   * ModelConfig#resolveTargets}) on {@code layout}'s encoding into {@code graph}.
   */
  public static RankingGraph build(
      Graph graph,
      ModelConfig config,
      TargetGraph targets,
      FeatureLayout layout,
      int scenarioCount) {
    return build(graph, config, targets, layout, scenarioCount, Optional.empty());
  }

  /**
   * As {@link #build(Graph, ModelConfig, TargetGraph, FeatureLayout, int)}, with the pretrained
   * vectors {@code dmr-pretrained} needs (aligned with {@code layout}'s user and anchor slots;
   * baked into the graph as constants, so the serving signature does not change). Other models
   * ignore them.
   *
   * @throws IllegalArgumentException when {@code dmr-pretrained} gets no pretrained tables, or
   *     tables that do not match the layout
   */
  public static RankingGraph build(
      Graph graph,
      ModelConfig config,
      TargetGraph targets,
      FeatureLayout layout,
      int scenarioCount,
      Optional<PretrainedTables> pretrained) {
    return build(graph, config, targets, layout, scenarioCount, pretrained, Optional.empty());
  }

  /**
   * As {@link #build(Graph, ModelConfig, TargetGraph, FeatureLayout, int, Optional)}, with the
   * rare-id mapping: {@code idRemap[id]} is the id the model uses for encoded id {@code id} (the
   * slot's unknown id for ids seen too rarely in training, else the id itself), baked into the
   * graph as a constant so that serving maps ids exactly as training did. Empty = every id as is.
   *
   * @throws IllegalArgumentException when {@code idRemap} does not cover the layout's id space
   */
  public static RankingGraph build(
      Graph graph,
      ModelConfig config,
      TargetGraph targets,
      FeatureLayout layout,
      int scenarioCount,
      Optional<PretrainedTables> pretrained,
      Optional<int[]> idRemap) {
    requireNonNull(idRemap, "idRemap is null");
    requireNonNull(graph, "graph is null");
    requireNonNull(config, "config is null");
    requireNonNull(targets, "targets is null");
    requireNonNull(layout, "layout is null");
    requireNonNull(pretrained, "pretrained is null");
    if (config.kind().pretrained()) {
      PretrainedTables tables =
          pretrained.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "model "
                          + config.kind().wireName()
                          + " needs the pretrained vectors (onair pretrain); none were given"));
      if (tables.userRows() != layout.slotSizes()[layout.slot("user")]
          || tables.anchorRows() != layout.slotSizes()[layout.slot("anchor")]) {
        throw new IllegalArgumentException(
            "the pretrained tables are not aligned with the encoder's users and anchors");
      }
    }
    if (idRemap.isPresent() && idRemap.get().length != layout.idSpaceSize()) {
      throw new IllegalArgumentException(
          "the id mapping covers "
              + idRemap.get().length
              + " ids, the layout "
              + layout.idSpaceSize());
    }
    if (scenarioCount < 1) {
      throw new IllegalArgumentException("scenarioCount must be >= 1");
    }
    Ops tf = Ops.create(graph);
    // fed while training; their defaults are what serving (which feeds neither) gets
    Operand<TFloat32> learningRateScale =
        tf.withName(RankingGraph.LEARNING_RATE_SCALE)
            .placeholderWithDefault(tf.constant(1f), Shape.scalar());
    Operand<TFloat32> dropoutRate =
        tf.withName(RankingGraph.DROPOUT_RATE)
            .placeholderWithDefault(tf.constant(0f), Shape.scalar());
    ModelConfig.Regularization regularization = config.regularization();
    Layers layers =
        new Layers(
            tf,
            config.seed(),
            regularization.dropout() > 0 ? Optional.of(dropoutRate) : Optional.empty());
    Placeholder<TInt32> ids =
        tf.withName(RankingGraph.IDS)
            .placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, layout.idsWidth())));
    Placeholder<TFloat32> numeric =
        tf.withName(RankingGraph.NUMERIC)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, layout.numericWidth())));
    Placeholder<TInt32> scenario =
        tf.withName(RankingGraph.SCENARIO)
            .placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Placeholder<TFloat32> labels =
        tf.withName("labels")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, targets.size())));

    Operand<TInt32> modelIds =
        idRemap.isPresent() ? tf.gather(tf.constant(idRemap.get()), ids, tf.constant(0)) : ids;
    Model model =
        new Model(tf, layers, config, targets, layout, modelIds, numeric, scenario, scenarioCount);
    ModelKind rank = config.rankArchitecture();
    Logits logits =
        config.kind().matchTower()
            ? model.matchAndRank(pretrained)
            : switch (config.kind()) {
              case SINGLE_TASK -> model.singleTask();
              case DBMTL_MULTISCENARIO -> model.multiScenario();
              default -> model.rankTower(rank, model.input());
            };

    boolean factorised = rank.bayesian() && config.conditionalTowers();
    List<Operand<TFloat32>> predictions = new ArrayList<>();
    Operand<TFloat32> loss = tf.constant(0f);
    Operand<TFloat32>[] logProbability = newArray(targets.size());
    Operand<TFloat32>[] logConditional = newArray(targets.size());
    for (int t = 0; t < targets.size(); t++) {
      Operand<TFloat32> logit = logits.perTarget.get(t);
      Operand<TFloat32> label = tf.gather(labels, tf.constant(t), tf.constant(1));
      Operand<TFloat32> targetLoss;
      Operand<TFloat32> prediction;
      int[] gates = factorised ? binaryAncestors(targets, t) : new int[0];
      if (targets.target(t).kind() == TargetKind.NUMERIC) {
        Operand<TFloat32> diff = tf.math.sub(logit, tf.math.log1p(label));
        targetLoss = tf.math.mean(tf.math.square(diff), tf.constant(0));
        prediction = tf.math.expm1(tf.math.maximum(logit, tf.constant(0f)));
      } else if (rank == ModelKind.ESMM && targets.parents(t).length > 0) {
        // ESMM: P(t) = sigmoid(logit_t) * P(parents), trained on the marginal label
        Operand<TFloat32> logP = logSigmoid(tf, logit);
        for (int parent : targets.parents(t)) {
          if (targets.target(parent).kind() == TargetKind.BINARY) {
            logP = tf.math.add(logP, logProbability[parent]);
          }
        }
        logProbability[t] = logP;
        prediction = tf.math.exp(logP);
        Operand<TFloat32> p =
            tf.math.minimum(
                tf.math.maximum(prediction, tf.constant(PROBABILITY_FLOOR)),
                tf.constant(1f - PROBABILITY_FLOOR));
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> likelihood =
            tf.math.add(
                tf.math.mul(label, tf.math.log(p)),
                tf.math.mul(tf.math.sub(one, label), tf.math.log(tf.math.sub(one, p))));
        targetLoss = tf.math.neg(tf.math.mean(likelihood, tf.constant(0)));
      } else if (gates.length > 0) {
        // DBMTL, the talk's factorisation: the tower gives P(t | parents happened); the output is
        // P(t) = P(t | parents) * P(every binary ancestor happened), where the latter is the
        // product
        // of the ancestors' conditionals (exact under the graph's Bayesian network: an
        // ancestor-closed set is all positive with the product of its members' conditionals).
        // Trained on the marginal label over every impression (entire space, as ESMM).
        logConditional[t] = logSigmoid(tf, logit);
        Operand<TFloat32> logP = logConditional[t];
        for (int ancestor : gates) {
          logP = tf.math.add(logP, logConditional[ancestor]);
        }
        logProbability[t] = logP;
        prediction = tf.math.exp(logP);
        targetLoss =
            tf.math.mul(
                marginalCrossEntropy(tf, logP, label),
                tf.constant((float) config.marginalLossWeight()));
        int[] parents = binaryParents(targets, t);
        if (config.conditionalLossWeight() > 0 && parents.length > 0) {
          targetLoss =
              tf.math.add(
                  targetLoss,
                  tf.math.mul(
                      conditionalCrossEntropy(
                          tf, logit, label, labels, parents, config.conditionalLossPerImpression()),
                      tf.constant((float) config.conditionalLossWeight())));
        }
      } else {
        logProbability[t] = logSigmoid(tf, logit);
        logConditional[t] = logProbability[t];
        targetLoss = tf.math.mean(sigmoidCrossEntropy(tf, logit, label), tf.constant(0));
        prediction = tf.math.sigmoid(logit);
      }
      predictions.add(tf.withName("prediction_" + targets.name(t)).identity(prediction));
      loss =
          tf.math.add(
              loss, tf.math.mul(targetLoss, tf.constant((float) config.lossWeight(targets, t))));
    }
    if (regularization.embeddingL2() > 0) {
      for (Embedding embedding : logits.embeddings) {
        // sum of squares of the gathered rows, per batch row, averaged over the batch
        Operand<TFloat32> perRow =
            tf.reduceSum(tf.math.square(embedding.gathered), tf.constant(new int[] {1, 2}));
        loss =
            tf.math.add(
                loss,
                tf.math.mul(
                    tf.math.mean(perRow, tf.constant(0)),
                    tf.constant((float) regularization.embeddingL2())));
      }
    }
    loss = tf.withName("loss").identity(loss);
    Op trainStep =
        trainStep(
            graph, tf, config, loss, logits.embeddings, layers.variables(), learningRateScale);
    return new RankingGraph(
        config.kind(),
        targets,
        ids,
        numeric,
        scenario,
        labels,
        predictions,
        loss,
        trainStep,
        learningRateScale,
        dropoutRate,
        logits.embeddings.stream().<Operand<TFloat32>>map(Embedding::table).toList());
  }

  /**
   * The binary targets that are ancestors of {@code t} (parents, their parents, ...; the walk goes
   * through numeric targets too), each once, parents before children. These are the events a DBMTL
   * child's conditional is gated by.
   */
  static int[] binaryAncestors(TargetGraph targets, int t) {
    boolean[] seen = new boolean[targets.size()];
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    for (int parent : targets.parents(t)) {
      todo.add(parent);
    }
    while (!todo.isEmpty()) {
      int a = todo.poll();
      if (seen[a]) {
        continue;
      }
      seen[a] = true;
      for (int parent : targets.parents(a)) {
        todo.add(parent);
      }
    }
    List<Integer> ancestors = new ArrayList<>();
    for (int a = 0; a < targets.size(); a++) {
      if (seen[a] && targets.target(a).kind() == TargetKind.BINARY) {
        ancestors.add(a);
      }
    }
    return ancestors.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] binaryParents(TargetGraph targets, int t) {
    return java.util.Arrays.stream(targets.parents(t))
        .filter(p -> targets.target(p).kind() == TargetKind.BINARY)
        .toArray();
  }

  /**
   * Mean negative log-likelihood of the label under {@code P = exp(logP)}: the positive term uses
   * {@code logP} as is; {@code log(1 - P)} is floored so that it stays finite.
   */
  private static Operand<TFloat32> marginalCrossEntropy(
      Ops tf, Operand<TFloat32> logP, Operand<TFloat32> label) {
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> p = tf.math.minimum(tf.math.exp(logP), tf.constant(1f - PROBABILITY_FLOOR));
    Operand<TFloat32> likelihood =
        tf.math.add(
            tf.math.mul(label, logP),
            tf.math.mul(tf.math.sub(one, label), tf.math.log(tf.math.sub(one, p))));
    return tf.math.neg(tf.math.mean(likelihood, tf.constant(0)));
  }

  /**
   * Sigmoid cross-entropy of the conditional logit against the label over the rows where every
   * binary parent's label is positive, averaged over those rows (0 when the batch has none) or,
   * with {@code perImpression}, over all the batch's rows.
   */
  private static Operand<TFloat32> conditionalCrossEntropy(
      Ops tf,
      Operand<TFloat32> logit,
      Operand<TFloat32> label,
      Operand<TFloat32> labels,
      int[] parents,
      boolean perImpression) {
    Operand<TFloat32> mask = null;
    for (int parent : parents) {
      Operand<TFloat32> positive =
          tf.dtypes.cast(
              tf.math.greater(
                  tf.gather(labels, tf.constant(parent), tf.constant(1)), tf.constant(0.5f)),
              TFloat32.class);
      mask = mask == null ? positive : tf.math.mul(mask, positive);
    }
    Operand<TFloat32> masked = tf.math.mul(sigmoidCrossEntropy(tf, logit, label), mask);
    if (perImpression) {
      return tf.math.mean(masked, tf.constant(0));
    }
    return tf.math.div(
        tf.reduceSum(masked, tf.constant(0)),
        tf.math.maximum(tf.reduceSum(mask, tf.constant(0)), tf.constant(1f)));
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32>[] newArray(int size) {
    return (Operand<TFloat32>[]) new Operand<?>[size];
  }

  /** {@code max(x,0) - x z + log1p(exp(-|x|))}: stable; no single op exists in TF Java. */
  static Operand<TFloat32> sigmoidCrossEntropy(
      Ops tf, Operand<TFloat32> logit, Operand<TFloat32> label) {
    return tf.math.add(
        tf.math.sub(tf.math.maximum(logit, tf.constant(0f)), tf.math.mul(logit, label)),
        tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logit)))));
  }

  /** {@code log sigmoid(x) = -(max(-x,0) + log1p(exp(-|x|)))}. */
  private static Operand<TFloat32> logSigmoid(Ops tf, Operand<TFloat32> logit) {
    return tf.math.neg(
        tf.math.add(
            tf.math.maximum(tf.math.neg(logit), tf.constant(0f)),
            tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logit))))));
  }

  /**
   * Adam on every dense variable; for each embedding table, the gradient with respect to the rows
   * the batch gathered, summed per distinct id and applied with sparse AdaGrad, so a large table
   * costs only its touched rows (tensorflow-java.md). Both learning rates are multiplied by {@code
   * learningRateScale}, which the trainer feeds per epoch (the schedule). Adam is written here with
   * {@code ApplyAdam} rather than taken from the framework because the framework's learning rate is
   * a constant of the graph.
   */
  private static Op trainStep(
      Graph graph,
      Ops tf,
      ModelConfig config,
      Operand<TFloat32> loss,
      List<Embedding> embeddings,
      List<Layers.DenseVariable> dense,
      Operand<TFloat32> learningRateScale) {
    Output<?>[] denseOutputs = new Output<?>[dense.size()];
    for (int v = 0; v < denseOutputs.length; v++) {
      denseOutputs[v] = dense.get(v).variable().asOutput();
    }
    Output<?>[] denseGradients =
        denseOutputs.length > 0 ? graph.addGradients(loss.asOutput(), denseOutputs) : denseOutputs;
    Output<?>[] gathered = new Output<?>[embeddings.size()];
    for (int e = 0; e < gathered.length; e++) {
      gathered[e] = embeddings.get(e).gathered.asOutput();
    }
    Output<?>[] rowGradients = graph.addGradients(loss.asOutput(), gathered);
    List<Operand<TFloat32>> summedRows = new ArrayList<>();
    List<Operand<TInt32>> touchedIds = new ArrayList<>();
    for (int e = 0; e < gathered.length; e++) {
      Embedding embedding = embeddings.get(e);
      @SuppressWarnings("unchecked")
      Operand<TFloat32> rowGradient = (Operand<TFloat32>) rowGradients[e];
      Operand<TFloat32> flatGradient =
          tf.reshape(rowGradient, tf.constant(new int[] {-1, embedding.dimension}));
      Operand<TInt32> flatIds = tf.reshape(embedding.ids, tf.constant(new int[] {-1}));
      Unique<TInt32, TInt32> unique = tf.unique(flatIds, tf.constant(new int[] {0}));
      summedRows.add(tf.math.unsortedSegmentSum(flatGradient, unique.idx(), tf.size(unique.y())));
      touchedIds.add(unique.y());
    }
    // every update waits for every gradient: the variables are updated in place, and a backward
    // MatMul that read a weight after its update would make a step depend on the executor's
    // order, so two runs with one seed would differ
    List<Op> gradients = new ArrayList<>();
    List<Operand<TFloat32>> denseSteps = new ArrayList<>();
    for (Output<?> gradient : denseGradients) {
      @SuppressWarnings("unchecked")
      var identity = tf.identity((Operand<TFloat32>) gradient);
      denseSteps.add(identity);
      gradients.add(identity);
    }
    for (int e = 0; e < summedRows.size(); e++) {
      var identity = tf.identity(summedRows.get(e));
      summedRows.set(e, identity);
      gradients.add(identity);
    }
    Ops update = tf.withControlDependencies(gradients);
    List<Op> steps = new ArrayList<>();
    if (denseOutputs.length > 0) {
      Variable<TFloat32> beta1Power = tf.variable(tf.constant(ADAM_BETA1));
      Variable<TFloat32> beta2Power = tf.variable(tf.constant(ADAM_BETA2));
      Operand<TFloat32> learningRate =
          tf.math.mul(tf.constant(config.learningRate()), learningRateScale);
      List<Op> applied = new ArrayList<>();
      for (int v = 0; v < denseOutputs.length; v++) {
        Layers.DenseVariable variable = dense.get(v);
        Operand<TFloat32> gradient = denseSteps.get(v);
        applied.add(
            update.train.applyAdam(
                variable.variable(),
                tf.variable(tf.zeros(tf.constant(variable.shape()), TFloat32.class)),
                tf.variable(tf.zeros(tf.constant(variable.shape()), TFloat32.class)),
                beta1Power,
                beta2Power,
                learningRate,
                tf.constant(ADAM_BETA1),
                tf.constant(ADAM_BETA2),
                tf.constant(ADAM_EPSILON),
                gradient));
      }
      Ops after = tf.withControlDependencies(applied);
      steps.add(after.assign(beta1Power, after.math.mul(beta1Power, after.constant(ADAM_BETA1))));
      steps.add(after.assign(beta2Power, after.math.mul(beta2Power, after.constant(ADAM_BETA2))));
    }
    Operand<TFloat32> embeddingLearningRate =
        tf.math.mul(tf.constant(config.embeddingLearningRate()), learningRateScale);
    for (int e = 0; e < gathered.length; e++) {
      Embedding embedding = embeddings.get(e);
      Variable<TFloat32> accumulator =
          tf.variable(
              tf.fill(
                  tf.constant(new int[] {embedding.rows, embedding.dimension}),
                  tf.constant(ADAGRAD_INITIAL_ACCUMULATOR)));
      steps.add(
          update.train.sparseApplyAdagrad(
              embedding.table,
              accumulator,
              embeddingLearningRate,
              tf.constant(1e-7f),
              summedRows.get(e),
              touchedIds.get(e)));
    }
    return tf.withControlDependencies(steps).noOp();
  }

  /** An embedding table and its gathered rows for one batch. */
  private record Embedding(
      Variable<TFloat32> table,
      Operand<TInt32> ids,
      Operand<TFloat32> gathered,
      int rows,
      int dimension) {}

  /** The per-target logits (or regression outputs) and the embeddings they used. */
  private record Logits(List<Operand<TFloat32>> perTarget, List<Embedding> embeddings) {}

  /**
   * The encoded input as dense vectors: all features, and the split the multi-scenario model uses.
   */
  private record Input(
      Operand<TFloat32> all,
      int allWidth,
      Operand<TFloat32> shared,
      int sharedWidth,
      Operand<TFloat32> specific,
      int specificWidth,
      Operand<TFloat32> histories,
      Embedding embedding) {
    /** The same input with {@code extra} features appended to {@code all}. */
    Input plus(Operand<TFloat32> extra, int extraWidth, Ops tf) {
      if (extraWidth == 0) {
        return this;
      }
      return new Input(
          tf.concat(List.of(all, extra), tf.constant(1)),
          allWidth + extraWidth,
          shared,
          sharedWidth,
          specific,
          specificWidth,
          histories,
          embedding);
    }
  }

  /** The architectures, sharing the input and tower code. */
  private static final class Model {
    private final Ops tf;
    private final Layers layers;
    private final ModelConfig config;
    private final TargetGraph targets;
    private final FeatureLayout layout;
    private final Operand<TInt32> ids;
    private final Operand<TFloat32> numeric;
    private final Operand<TInt32> scenario;
    private final int scenarioCount;

    Model(
        Ops tf,
        Layers layers,
        ModelConfig config,
        TargetGraph targets,
        FeatureLayout layout,
        Operand<TInt32> ids,
        Operand<TFloat32> numeric,
        Operand<TInt32> scenario,
        int scenarioCount) {
      this.tf = tf;
      this.layers = layers;
      this.config = config;
      this.targets = targets;
      this.layout = layout;
      this.ids = ids;
      this.numeric = numeric;
      this.scenario = scenario;
      this.scenarioCount = scenarioCount;
    }

    /** Embeds the ids with a fresh table: single slots concatenated, histories mean-pooled. */
    Input input() {
      int e = config.embeddingDimension();
      int rows = layout.idSpaceSize();
      Variable<TFloat32> table =
          tf.variable(tf.constant(layers.normalTable(rows, e, EMBEDDING_SCALE)));
      Operand<TFloat32> gathered = tf.gather(table, ids, tf.constant(0));
      int slots = layout.slotCount();
      int sharedSlots = slots - SCENARIO_SPECIFIC_SLOTS;
      Operand<TFloat32> sharedSingles = flatSlots(gathered, 0, sharedSlots);
      Operand<TFloat32> specific = flatSlots(gathered, sharedSlots, SCENARIO_SPECIFIC_SLOTS);
      int history = layout.historyLength();
      List<Operand<TFloat32>> shared = new ArrayList<>();
      shared.add(sharedSingles);
      List<Operand<TFloat32>> pooled = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        pooled.add(meanPool(gathered, slots + k * history, history));
      }
      shared.addAll(pooled);
      shared.add(numeric);
      int sharedWidth = sharedSlots * e + 3 * e + layout.numericWidth();
      Operand<TFloat32> sharedInput = tf.concat(shared, tf.constant(1));
      int specificWidth = SCENARIO_SPECIFIC_SLOTS * e;
      Operand<TFloat32> all = tf.concat(List.of(sharedInput, specific), tf.constant(1));
      return new Input(
          all,
          sharedWidth + specificWidth,
          sharedInput,
          sharedWidth,
          specific,
          specificWidth,
          tf.concat(pooled, tf.constant(1)),
          new Embedding(table, ids, gathered, rows, e));
    }

    /** The architecture {@code rank} (not single-task or multi-scenario) on {@code input}. */
    Logits rankTower(ModelKind rank, Input input) {
      return switch (rank) {
        case SHARED_BOTTOM, ESMM -> sharedBottom(input, false);
        case DBMTL -> sharedBottom(input, true);
        case MMOE -> mmoe(input, false);
        case DBMTL_MMOE -> mmoe(input, true);
        default ->
            throw new IllegalArgumentException(rank.wireName() + " cannot be used as a rank tower");
      };
    }

    /**
     * DMR and RUI: the match tower's logits added to those of the rank tower, whose input also
     * holds the match tower's extra features (pretrained vectors, refer x anchor products).
     */
    Logits matchAndRank(Optional<PretrainedTables> pretrained) {
      Input input = input();
      Operand<TFloat32> gathered = input.embedding().gathered();
      int e = config.embeddingDimension();
      int userSlot = layout.slot("user");
      int anchorSlot = layout.slot("anchor");
      int categorySlot = layout.slot("category");
      int scenarioSlot = layout.slot("scenario");
      int referSlot = layout.slot("refer_anchor");
      int referCategorySlot = layout.slot("refer_category");
      int userSlots = anchorSlot - userSlot;
      int anchorSlots = scenarioSlot - anchorSlot;
      Operand<TFloat32> userSide =
          tf.concat(
              List.of(flatSlots(gathered, userSlot, userSlots), input.histories()), tf.constant(1));
      Operand<TFloat32> hasRefer =
          tf.dtypes.cast(
              tf.math.notEqual(
                  tf.slice(
                      ids, tf.constant(new int[] {0, referSlot}), tf.constant(new int[] {-1, 1})),
                  tf.constant(layout.offset(referSlot))),
              TFloat32.class);
      MatchTower.Inputs inputs =
          new MatchTower.Inputs(
              userSide,
              (userSlots + 3) * e,
              flatSlots(gathered, anchorSlot, anchorSlots),
              anchorSlots * e,
              flatSlots(gathered, referSlot, 2),
              2 * e,
              flatSlots(gathered, anchorSlot, 1),
              flatSlots(gathered, categorySlot, 1),
              flatSlots(gathered, referSlot, 1),
              flatSlots(gathered, referCategorySlot, 1),
              e,
              tf.reshape(hasRefer, tf.constant(new int[] {-1})),
              code(userSlot),
              code(anchorSlot));
      MatchTower.Output match =
          new MatchTower(tf, layers, config.match())
              .build(config.kind(), inputs, targets.size(), pretrained);
      Logits rank =
          rankTower(
              config.rankArchitecture(),
              input.plus(match.rankFeatures(), match.rankFeaturesWidth(), tf));
      List<Operand<TFloat32>> sum = new ArrayList<>();
      for (int t = 0; t < targets.size(); t++) {
        sum.add(tf.math.add(rank.perTarget().get(t), match.logits().get(t)));
      }
      return new Logits(sum, rank.embeddings());
    }

    /** The vocabulary code in {@code slot} of every row (id minus the slot's offset) [rows]. */
    private Operand<TInt32> code(int slot) {
      Operand<TInt32> id =
          tf.reshape(
              tf.slice(ids, tf.constant(new int[] {0, slot}), tf.constant(new int[] {-1, 1})),
              tf.constant(new int[] {-1}));
      return tf.math.sub(id, tf.constant(layout.offset(slot)));
    }

    private Operand<TFloat32> flatSlots(Operand<TFloat32> gathered, int first, int count) {
      Operand<TFloat32> slice =
          tf.slice(
              gathered,
              tf.constant(new int[] {0, first, 0}),
              tf.constant(new int[] {-1, count, -1}));
      return tf.reshape(slice, tf.constant(new int[] {-1, count * config.embeddingDimension()}));
    }

    private Operand<TFloat32> meanPool(Operand<TFloat32> gathered, int first, int count) {
      Operand<TFloat32> rows =
          tf.slice(
              gathered,
              tf.constant(new int[] {0, first, 0}),
              tf.constant(new int[] {-1, count, -1}));
      Operand<TInt32> historyIds =
          tf.slice(ids, tf.constant(new int[] {0, first}), tf.constant(new int[] {-1, count}));
      Operand<TBool> present = tf.math.notEqual(historyIds, tf.constant(0));
      Operand<TFloat32> mask =
          tf.expandDims(tf.dtypes.cast(present, TFloat32.class), tf.constant(-1));
      Operand<TFloat32> sum = tf.reduceSum(tf.math.mul(rows, mask), tf.constant(1));
      Operand<TFloat32> countPresent =
          tf.math.maximum(tf.reduceSum(mask, tf.constant(1)), tf.constant(1f));
      return tf.math.div(sum, countPresent);
    }

    private Operand<TFloat32> logit(Operand<TFloat32> hidden, int width) {
      return tf.reshape(layers.dense(hidden, width, 1, false), tf.constant(new int[] {-1}));
    }

    /** Independent networks: each target its own embeddings, bottom and tower. */
    Logits singleTask() {
      List<Operand<TFloat32>> logits = new ArrayList<>();
      List<Embedding> embeddings = new ArrayList<>();
      for (int t = 0; t < targets.size(); t++) {
        Input input = input();
        embeddings.add(input.embedding());
        Operand<TFloat32> bottom = layers.mlp(input.all(), input.allWidth(), config.bottomUnits());
        Operand<TFloat32> tower = layers.dense(bottom, lastBottom(), config.towerUnits(), true);
        logits.add(logit(tower, config.towerUnits()));
      }
      return new Logits(logits, embeddings);
    }

    /** Shared bottom; with {@code bayesian}, DBMTL's relation layer on top of the towers. */
    Logits sharedBottom(Input input, boolean bayesian) {
      Operand<TFloat32> bottom = layers.mlp(input.all(), input.allWidth(), config.bottomUnits());
      List<Operand<TFloat32>> perTarget = new ArrayList<>();
      for (int t = 0; t < targets.size(); t++) {
        perTarget.add(bottom);
      }
      return new Logits(heads(perTarget, lastBottom(), bayesian), List.of(input.embedding()));
    }

    /** MMoE: experts over the whole input, one softmax gate per target. */
    Logits mmoe(Input input, boolean bayesian) {
      List<Operand<TFloat32>> experts = experts(input.all(), input.allWidth());
      List<Operand<TFloat32>> perTarget = new ArrayList<>();
      for (int t = 0; t < targets.size(); t++) {
        perTarget.add(gate(experts, input.all(), input.allWidth()));
      }
      return new Logits(
          heads(perTarget, config.expertUnits(), bayesian), List.of(input.embedding()));
    }

    /**
     * DBMTL 3.0: experts over the shared features, shared by every scenario; per scenario and
     * target a gate and a DBMTL head that also sees the scenario-specific features (scenario, hour,
     * refer room); each row takes its own scenario's head.
     */
    Logits multiScenario() {
      Input input = input();
      List<Operand<TFloat32>> experts = experts(input.shared(), input.sharedWidth());
      Operand<TFloat32> oneHot =
          tf.oneHot(scenario, tf.constant(scenarioCount), tf.constant(1f), tf.constant(0f));
      List<Operand<TFloat32>> combined = new ArrayList<>();
      for (int t = 0; t < targets.size(); t++) {
        combined.add(null);
      }
      for (int s = 0; s < scenarioCount; s++) {
        List<Operand<TFloat32>> perTarget = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
          Operand<TFloat32> mixed = gate(experts, input.all(), input.allWidth());
          perTarget.add(tf.concat(List.of(mixed, input.specific()), tf.constant(1)));
        }
        List<Operand<TFloat32>> logits =
            heads(perTarget, config.expertUnits() + input.specificWidth(), true);
        Operand<TFloat32> mine = tf.gather(oneHot, tf.constant(s), tf.constant(1));
        for (int t = 0; t < targets.size(); t++) {
          Operand<TFloat32> selected = tf.math.mul(logits.get(t), mine);
          combined.set(
              t, combined.get(t) == null ? selected : tf.math.add(combined.get(t), selected));
        }
      }
      return new Logits(combined, List.of(input.embedding()));
    }

    private int lastBottom() {
      return config.bottomUnits().get(config.bottomUnits().size() - 1);
    }

    private List<Operand<TFloat32>> experts(Operand<TFloat32> x, int width) {
      List<Operand<TFloat32>> experts = new ArrayList<>();
      for (int k = 0; k < config.experts(); k++) {
        experts.add(layers.dense(x, width, config.expertUnits(), true));
      }
      return experts;
    }

    /** {@code sum_k softmax(x G)_k expert_k}. */
    private Operand<TFloat32> gate(
        List<Operand<TFloat32>> experts, Operand<TFloat32> x, int width) {
      Operand<TFloat32> weights = tf.nn.softmax(layers.dense(x, width, experts.size(), false));
      Operand<TFloat32> mixed = null;
      for (int k = 0; k < experts.size(); k++) {
        Operand<TFloat32> w =
            tf.expandDims(tf.gather(weights, tf.constant(k), tf.constant(1)), tf.constant(-1));
        Operand<TFloat32> term = tf.math.mul(experts.get(k), w);
        mixed = mixed == null ? term : tf.math.add(mixed, term);
      }
      return mixed;
    }

    /**
     * One tower per target on its input; with {@code bayesian}, the Bayesian layer: the child's
     * relation layer sees its own tower output concatenated with each parent's relation output.
     */
    private List<Operand<TFloat32>> heads(
        List<Operand<TFloat32>> inputs, int width, boolean bayesian) {
      List<Operand<TFloat32>> logits = new ArrayList<>();
      List<Operand<TFloat32>> relation = new ArrayList<>();
      for (int t = 0; t < targets.size(); t++) {
        Operand<TFloat32> tower = layers.dense(inputs.get(t), width, config.towerUnits(), true);
        if (!bayesian) {
          logits.add(logit(tower, config.towerUnits()));
          relation.add(null);
          continue;
        }
        List<Operand<TFloat32>> parts = new ArrayList<>();
        parts.add(tower);
        int partsWidth = config.towerUnits();
        for (int parent : targets.parents(t)) {
          parts.add(relation.get(parent));
          partsWidth += config.relationUnits();
        }
        Operand<TFloat32> joined = parts.size() == 1 ? tower : tf.concat(parts, tf.constant(1));
        Operand<TFloat32> hidden = layers.dense(joined, partsWidth, config.relationUnits(), true);
        relation.add(hidden);
        logits.add(logit(hidden, config.relationUnits()));
      }
      return logits;
    }
  }
}
