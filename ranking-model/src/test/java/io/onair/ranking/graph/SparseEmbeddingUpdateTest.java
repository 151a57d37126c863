package io.onair.ranking.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.ranking.TinyWorld;
import io.onair.ranking.features.EncodedBatch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One training step changes exactly the embedding rows its batch gathered (the sparse AdaGrad
 * path), and leaves every other row of the table as it was.
 */
class SparseEmbeddingUpdateTest {
  @Test
  void aStepTouchesOnlyTheGatheredRows() {
    TinyWorld world = TinyWorld.get();
    ModelConfig config = ModelConfig.defaults(ModelKind.DBMTL).withSizes(4, List.of(8), 4, 2, 4);
    try (Graph graph = new Graph()) {
      RankingGraph model =
          RankingGraphBuilder.build(
              graph,
              config,
              world.dataset.targets(),
              world.layout,
              world.examples.scenarios().size());
      assertThat(model.embeddingTables()).hasSize(1);
      try (Session session = new Session(graph)) {
        session.initialize();
        // a first step on other rows: a dense optimizer with momentum would keep moving them later
        Set<Integer> first = step(session, model, world, 0);
        float[] before = table(session, model);
        Set<Integer> gathered = step(session, model, world, 50);
        float[] after = table(session, model);
        int width = config.embeddingDimension();
        int changedGathered = 0;
        int firstOnly = 0;
        for (int id = 0; id < world.layout.idSpaceSize(); id++) {
          boolean changed = false;
          for (int j = 0; j < width; j++) {
            changed |= before[id * width + j] != after[id * width + j];
          }
          if (gathered.contains(id)) {
            changedGathered += changed ? 1 : 0;
          } else {
            firstOnly += first.contains(id) ? 1 : 0;
            assertThat(changed).as("row %d was not in the batch", id).isFalse();
          }
        }
        assertThat(firstOnly).as("rows of the first batch only").isPositive();
        // id 0 (padding) is gathered but masked out of every pooled sum, so its gradient is 0
        assertThat(changedGathered).isGreaterThanOrEqualTo(gathered.size() - 1).isPositive();
      }
    }
  }

  /** One training step on 32 rows starting at {@code offset}; returns the ids it gathered. */
  private static Set<Integer> step(
      Session session, RankingGraph model, TinyWorld world, int offset) {
    int rows = 32;
    int targets = world.dataset.targets().size();
    EncodedBatch batch = new EncodedBatch(world.layout, rows);
    float[] labels = new float[rows * targets];
    Set<Integer> gathered = new HashSet<>();
    for (int r = 0; r < rows; r++) {
      int row = offset + r * 97;
      batch.copyRow(world.examples.features(), row);
      for (int c = 0; c < world.layout.idsWidth(); c++) {
        gathered.add(batch.id(r, c));
      }
      for (int t = 0; t < targets; t++) {
        labels[r * targets + t] = world.examples.labels()[t][row];
      }
    }
    try (TInt32 ids = batch.idsTensor();
        TFloat32 numeric = batch.numericTensor();
        TInt32 scenario = batch.scenarioTensor();
        TFloat32 labelTensor =
            TFloat32.tensorOf(Shape.of(rows, targets), DataBuffers.of(labels, true, false));
        Result loss =
            session
                .runner()
                .feed(model.ids(), ids)
                .feed(model.numeric(), numeric)
                .feed(model.scenario(), scenario)
                .feed(model.labels(), labelTensor)
                .addTarget(model.trainStep())
                .fetch(model.loss())
                .run()) {
      assertThat(((TFloat32) loss.get(0)).getFloat()).isFinite();
    }
    return gathered;
  }

  private static float[] table(Session session, RankingGraph model) {
    try (Result result = session.runner().fetch(model.embeddingTables().get(0)).run()) {
      TFloat32 values = (TFloat32) result.get(0);
      float[] out = new float[(int) values.size()];
      values.asRawTensor().data().asFloats().read(out);
      return out;
    }
  }
}
