package io.onair.ranking.graph;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A built ranking model inside a {@link org.tensorflow.Graph} (which the caller owns and closes):
 * its inputs, one prediction per target (a probability for binary targets, a value for numeric
 * ones), the training loss and the training step. Immutable; the graph itself is not thread-safe to
 * extend.
 *
 * @param ids the encoded categorical ids [rows, idsWidth]
 * @param numeric the encoded numbers [rows, numericWidth]
 * @param scenario the scenario index [rows]
 * @param labels one column per target in graph order [rows, targets] (training only)
 * @param predictions one per target, in graph order, each [rows]
 * @param learningRateScale a scalar multiplying both learning rates, fed by the trainer per epoch;
 *     1 when not fed
 * @param dropoutRate the dropout rate of the hidden layers, fed while training; 0 when not fed
 *     (serving)
 * @param embeddingTables the embedding tables (one, or one per target for {@code single-task}),
 *     updated sparsely by {@code trainStep}; exposed so tests can check that
 */
public record RankingGraph(
    ModelKind kind,
    TargetGraph targets,
    Placeholder<TInt32> ids,
    Placeholder<TFloat32> numeric,
    Placeholder<TInt32> scenario,
    Placeholder<TFloat32> labels,
    List<Operand<TFloat32>> predictions,
    Operand<TFloat32> loss,
    Op trainStep,
    Operand<TFloat32> learningRateScale,
    Operand<TFloat32> dropoutRate,
    List<Operand<TFloat32>> embeddingTables) {
  /** The key of the serving signature. */
  public static final String SIGNATURE_KEY = "serving_default";

  public static final String IDS = "ids";
  public static final String NUMERIC = "numeric";
  public static final String SCENARIO = "scenario";
  public static final String LEARNING_RATE_SCALE = "learning_rate_scale";
  public static final String DROPOUT_RATE = "dropout_rate";

  public RankingGraph {
    requireNonNull(kind, "kind is null");
    requireNonNull(targets, "targets is null");
    requireNonNull(ids, "ids is null");
    requireNonNull(numeric, "numeric is null");
    requireNonNull(scenario, "scenario is null");
    requireNonNull(labels, "labels is null");
    predictions = List.copyOf(predictions);
    embeddingTables = List.copyOf(embeddingTables);
    requireNonNull(loss, "loss is null");
    requireNonNull(trainStep, "trainStep is null");
    requireNonNull(learningRateScale, "learningRateScale is null");
    requireNonNull(dropoutRate, "dropoutRate is null");
  }

  /**
   * The serving signature: inputs {@code ids}, {@code numeric}, {@code scenario} (the encoded
   * features); one output per target, named after it.
   */
  public Signature servingSignature() {
    Signature.Builder builder =
        Signature.builder()
            .key(SIGNATURE_KEY)
            .input(IDS, ids)
            .input(NUMERIC, numeric)
            .input(SCENARIO, scenario);
    for (int t = 0; t < targets.size(); t++) {
      builder.output(targets.name(t), predictions.get(t));
    }
    return builder.build();
  }
}
