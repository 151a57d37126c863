package io.onair.ranking.export;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.ranking.calibration.Calibration;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.FeatureEncoder;
import io.onair.ranking.features.FeatureLayout;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.ranking.graph.RankingGraph;
import io.onair.ranking.graph.SessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * An exported ranking model loaded for scoring: the SavedModel's {@code serving_default} function,
 * the vocabulary and encoder it was trained with, and its card. What the ranking service will hold.
 * Scoring is thread-safe (one TensorFlow session shared by callers); close it when done.
 */
public final class RankingModelBundle implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final FeatureVocabulary vocabulary;
  private final FeatureEncoder encoder;
  private final ModelCard card;
  private final TargetGraph targets;
  private final Calibration calibration;

  private RankingModelBundle(
      SavedModelBundle bundle, FeatureVocabulary vocabulary, ModelCard card) {
    this.bundle = bundle;
    this.function = bundle.function(RankingGraph.SIGNATURE_KEY);
    this.vocabulary = vocabulary;
    this.encoder =
        new FeatureEncoder(
            FeatureLayout.of(vocabulary, card.historyLength(), card.liveStatistics()));
    this.card = card;
    this.targets = ModelArtifacts.targetGraph(card.targets());
    this.calibration = Calibration.fromMap(targets, card.calibration());
  }

  /**
   * Loads a model with {@code intraOpThreads} TensorFlow threads. {@code directory} is a model
   * directory ({@link ModelArtifacts#modelDirectory}), whose {@code CURRENT} version is loaded, or
   * one version directory ({@link ModelArtifacts#versionDirectory}).
   *
   * @throws IllegalArgumentException when there is no export at {@code directory}
   */
  public static RankingModelBundle load(Path directory, int intraOpThreads) {
    requireNonNull(directory, "directory is null");
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    if (!Files.isRegularFile(directory.resolve("model-card.json"))) {
      directory = ModelArtifacts.currentDirectory(directory);
    }
    ModelCard card = ModelArtifacts.readCard(directory);
    FeatureVocabulary vocabulary = FeatureVocabulary.read(directory.resolve("vocabulary.json"));
    ConfigProto config = SessionConfig.of(intraOpThreads);
    SavedModelBundle bundle =
        SavedModelBundle.loader(directory.resolve("saved-model").toString())
            .withTags(SavedModelBundle.DEFAULT_TAG)
            .withConfigProto(config)
            .load();
    try {
      return new RankingModelBundle(bundle, vocabulary, card);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  public FeatureVocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The SavedModel's {@code serving_default} function, for measuring the bare model call on ready
   * tensors ({@code onair bench rank}); {@link #score} is the way to score.
   */
  public SessionFunction function() {
    return function;
  }

  /** The encoder serving must use: the training one, on the saved vocabulary. */
  public FeatureEncoder encoder() {
    return encoder;
  }

  /** The export's version id (as in {@code CURRENT} and the card). */
  public String version() {
    return card.version();
  }

  public ModelCard card() {
    return card;
  }

  public TargetGraph targets() {
    return targets;
  }

  /** The calibration the card holds, which {@link #score} applies. */
  public Calibration calibration() {
    return calibration;
  }

  /**
   * Scores the filled rows of {@code batch}: one array per target, in target graph order, each
   * calibrated by the card's calibration (the probabilities fusion multiplies).
   */
  public float[][] score(EncodedBatch batch) {
    int rows = batch.rows();
    float[][] out = new float[targets.size()][rows];
    try (TInt32 ids = batch.idsTensor();
        TFloat32 numeric = batch.numericTensor();
        TInt32 scenario = batch.scenarioTensor();
        Result result =
            function.call(
                Map.<String, Tensor>of(
                    RankingGraph.IDS,
                    ids,
                    RankingGraph.NUMERIC,
                    numeric,
                    RankingGraph.SCENARIO,
                    scenario))) {
      for (int t = 0; t < targets.size(); t++) {
        TFloat32 values =
            (TFloat32)
                result
                    .get(targets.name(t))
                    .orElseThrow(
                        () -> new IllegalStateException("the model has no output for a target"));
        values.asRawTensor().data().asFloats().read(out[t]);
      }
    }
    calibration.apply(out);
    return out;
  }

  @Override
  public void close() {
    bundle.close();
  }
}
