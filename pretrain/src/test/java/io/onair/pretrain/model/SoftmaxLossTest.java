package io.onair.pretrain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.onair.pretrain.TinyWorld;
import io.onair.pretrain.sequences.Modality;
import io.onair.pretrain.sequences.ModalitySequences;
import io.onair.pretrain.sequences.SequenceBuilder;
import io.onair.pretrain.sequences.TokenSpace;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The graph's loss, checked against the same quantity computed in Java from the vectors the graph
 * outputs: with every anchor as a negative and no logQ, each modality's loss is the full softmax
 * cross-entropy of the label, and the total is their weighted sum.
 */
class SoftmaxLossTest {
  @Test
  void fullSoftmaxLossMatchesTheVectorsWeightedPerModality() {
    TinyWorld world = TinyWorld.get();
    TokenSpace space = TokenSpace.of(world.dataset);
    Map<Modality, Double> weights =
        Map.of(Modality.PROFILE, 0.0, Modality.U2F, 2.0, Modality.U2I2I2A, 0.5);
    PretrainConfig config = new PretrainConfig(8, 6, 2, 16, 10_000, 1, 16, 0.01f, weights, 3, 1);
    SequenceBuilder builder = new SequenceBuilder(world.dataset, world.relations, space, 6);
    int[] users = {0, 5, 17, 42};
    ModalitySequences rows = builder.build(world.window, world.window.holdoutStart(), users);
    // two examples on row 1, one each on rows 0 and 3, none on row 2
    int[] exampleRows = {0, 1, 1, 3};
    int[] labels = {3, 7, 0, 59};
    int anchors = world.dataset.anchorCount();
    int[] negatives = IntStream.range(0, anchors).toArray();
    try (TrainedRecallModel model = TrainedRecallModel.create(config, space)) {
      float[] userVectors = model.userVectors(rows);
      float[] anchorVectors = model.anchorVectors();
      int d = config.dimension();
      int modalities = Modality.count();
      double expected = 0;
      double[] perModality = new double[modalities];
      for (Modality m : Modality.values()) {
        for (int e = 0; e < labels.length; e++) {
          int offset = (exampleRows[e] * modalities + m.ordinal()) * d;
          double[] logits = new double[anchors];
          double max = Double.NEGATIVE_INFINITY;
          for (int a = 0; a < anchors; a++) {
            for (int j = 0; j < d; j++) {
              logits[a] += userVectors[offset + j] * anchorVectors[a * d + j];
            }
            max = Math.max(max, logits[a]);
          }
          double sum = 0;
          for (double logit : logits) {
            sum += Math.exp(logit - max);
          }
          perModality[m.ordinal()] += (Math.log(sum) + max - logits[labels[e]]) / labels.length;
        }
        expected += config.modalityWeights().get(m) * perModality[m.ordinal()];
      }
      float[] losses =
          model.step(
              rows.tokens(),
              rows.rows(),
              exampleRows,
              labels.length,
              labels,
              new float[labels.length],
              negatives,
              new float[anchors]);
      assertThat((double) losses[0]).isCloseTo(expected, within(1e-4 * Math.abs(expected)));
      for (int m = 0; m < modalities; m++) {
        assertThat((double) losses[1 + m]).isCloseTo(perModality[m], within(1e-4));
      }
      // the step moved the weights
      assertThat(model.anchorVectors()).isNotEqualTo(anchorVectors);
    }
  }

  @Test
  void aRowsVectorsDependOnItsOwnSequencesOnly() {
    TinyWorld world = TinyWorld.get();
    TokenSpace space = TokenSpace.of(world.dataset);
    PretrainConfig config = new PretrainConfig(8, 6, 2, 16, 64, 1, 16, 0.01f, Map.of(), 3, 1);
    SequenceBuilder builder = new SequenceBuilder(world.dataset, world.relations, space, 6);
    ModalitySequences pair =
        builder.build(world.window, world.window.holdoutStart(), new int[] {4, 9});
    ModalitySequences alone =
        builder.build(world.window, world.window.holdoutStart(), new int[] {9});
    try (TrainedRecallModel model = TrainedRecallModel.create(config, space)) {
      float[] both = model.userVectors(pair);
      float[] single = model.userVectors(alone);
      int width = Modality.count() * config.dimension();
      for (int j = 0; j < width; j++) {
        assertThat(both[width + j]).isCloseTo(single[j], within(1e-5f));
      }
    }
  }
}
