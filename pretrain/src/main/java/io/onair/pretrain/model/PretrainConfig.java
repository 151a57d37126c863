package io.onair.pretrain.model;

import static java.util.Objects.requireNonNull;

import io.onair.pretrain.sequences.Modality;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The recall pretraining model and its training. Immutable and validated.
 *
 * @param dimension the user and anchor vector dimension {@code d} (default {@value
 *     #DEFAULT_DIMENSION})
 * @param sequenceLength elements per modality sequence {@code L} (default {@value
 *     #DEFAULT_SEQUENCE_LENGTH}), the modality token not counted
 * @param heads attention heads; must divide {@code dimension} (default {@value #DEFAULT_HEADS})
 * @param feedForward the transformer block's feed-forward width (default {@code 2 d})
 * @param negatives sampled negative anchors per batch, shared by its rows (default {@value
 *     #DEFAULT_NEGATIVES}); at least the anchor count means a full softmax
 * @param epochs passes over the training examples (default {@value #DEFAULT_EPOCHS})
 * @param batchSize examples per step (default {@value #DEFAULT_BATCH_SIZE})
 * @param learningRate Adam's learning rate (default {@value #DEFAULT_LEARNING_RATE})
 * @param modalityWeights each modality's weight in the summed loss (default 1 each; 0 leaves it out
 *     of the loss)
 * @param seed the seed of the initial weights, the shuffling and the negative samples
 * @param threads TensorFlow intra-op threads
 */
public record PretrainConfig(
    int dimension,
    int sequenceLength,
    int heads,
    int feedForward,
    int negatives,
    int epochs,
    int batchSize,
    float learningRate,
    Map<Modality, Double> modalityWeights,
    long seed,
    int threads) {
  public static final int DEFAULT_DIMENSION = 32;
  public static final int DEFAULT_SEQUENCE_LENGTH = 20;
  public static final int DEFAULT_HEADS = 2;
  public static final int DEFAULT_NEGATIVES = 512;
  public static final int DEFAULT_EPOCHS = 3;
  public static final int DEFAULT_BATCH_SIZE = 256;
  public static final float DEFAULT_LEARNING_RATE = 0.002f;

  public PretrainConfig {
    requireNonNull(modalityWeights, "modalityWeights is null");
    if (dimension < 2 || dimension > 1024) {
      throw new IllegalArgumentException("the dimension must be 2 to 1024, got " + dimension);
    }
    if (sequenceLength < 1 || sequenceLength > 200) {
      throw new IllegalArgumentException(
          "the sequence length must be 1 to 200, got " + sequenceLength);
    }
    if (heads < 1 || dimension % heads != 0) {
      throw new IllegalArgumentException(
          "the heads (" + heads + ") must be positive and divide the dimension " + dimension);
    }
    if (feedForward < 1) {
      throw new IllegalArgumentException("the feed-forward width must be positive");
    }
    if (negatives < 1) {
      throw new IllegalArgumentException("negatives must be positive, got " + negatives);
    }
    if (epochs < 1 || epochs > 1000) {
      throw new IllegalArgumentException("epochs must be 1 to 1000, got " + epochs);
    }
    if (batchSize < 1 || batchSize > 65_536) {
      throw new IllegalArgumentException("the batch size must be 1 to 65536, got " + batchSize);
    }
    if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
      throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
    EnumMap<Modality, Double> weights = new EnumMap<>(Modality.class);
    for (Modality m : Modality.values()) {
      double w = modalityWeights.getOrDefault(m, 1.0);
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            "the weight of " + m.wireName() + " must be finite and >= 0, got " + w);
      }
      weights.put(m, w);
    }
    if (weights.values().stream().allMatch(w -> w == 0)) {
      throw new IllegalArgumentException("at least one modality needs a positive weight");
    }
    modalityWeights = java.util.Collections.unmodifiableMap(weights);
  }

  public static PretrainConfig defaults() {
    return new PretrainConfig(
        DEFAULT_DIMENSION,
        DEFAULT_SEQUENCE_LENGTH,
        DEFAULT_HEADS,
        2 * DEFAULT_DIMENSION,
        DEFAULT_NEGATIVES,
        DEFAULT_EPOCHS,
        DEFAULT_BATCH_SIZE,
        DEFAULT_LEARNING_RATE,
        Map.of(),
        1,
        1);
  }

  /**
   * Parses {@code profile=1,U2F=0.5,...}: modalities not named keep weight 1.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static Map<Modality, Double> parseWeights(String text) {
    Map<Modality, Double> weights = new EnumMap<>(Modality.class);
    if (text == null || text.isBlank()) {
      return weights;
    }
    for (String entry : text.split(",")) {
      String[] kv = entry.trim().split("=", -1);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "--modality-weights: expected modality=weight, got '" + entry.trim() + "'");
      }
      Modality m = Modality.of(kv[0].trim());
      try {
        weights.put(m, Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--modality-weights: the weight of " + kv[0].trim() + " is not a number: " + kv[1]);
      }
    }
    return weights;
  }

  /** The configuration as the card and the JSON record it. */
  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dimension", dimension);
    json.put("sequence_length", sequenceLength);
    json.put("heads", heads);
    json.put("feed_forward", feedForward);
    json.put("negatives", negatives);
    json.put("epochs", epochs);
    json.put("batch_size", batchSize);
    json.put("learning_rate", learningRate);
    Map<String, Object> weights = new LinkedHashMap<>();
    modalityWeights.forEach((m, w) -> weights.put(m.wireName(), w));
    json.put("modality_weights", weights);
    json.put("seed", seed);
    return json;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "d=%d L=%d heads=%d ffn=%d negatives=%d epochs=%d batch=%d lr=%s",
        dimension,
        sequenceLength,
        heads,
        feedForward,
        negatives,
        epochs,
        batchSize,
        learningRate);
  }
}
