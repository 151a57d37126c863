package io.onair.ranking.train;

import static java.util.Objects.requireNonNull;

import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.graph.RankingGraph;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A model in training or just trained: owns its graph and session (close it). Scoring from two
 * threads at once is safe (TensorFlow sessions are); training is not.
 */
public final class TrainedRanker implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private final RankingGraph model;

  TrainedRanker(Graph graph, Session session, RankingGraph model) {
    this.graph = requireNonNull(graph, "graph is null");
    this.session = requireNonNull(session, "session is null");
    this.model = requireNonNull(model, "model is null");
  }

  public RankingGraph model() {
    return model;
  }

  public Session session() {
    return session;
  }

  /** Predictions for the filled rows of {@code batch}: one array per target in graph order. */
  public float[][] predict(EncodedBatch batch) {
    int rows = batch.rows();
    List<org.tensorflow.Operand<TFloat32>> outputs = model.predictions();
    float[][] out = new float[outputs.size()][rows];
    try (TInt32 ids = batch.idsTensor();
        TFloat32 numeric = batch.numericTensor();
        TInt32 scenario = batch.scenarioTensor()) {
      Session.Runner runner =
          session
              .runner()
              .feed(model.ids(), ids)
              .feed(model.numeric(), numeric)
              .feed(model.scenario(), scenario);
      outputs.forEach(runner::fetch);
      try (Result result = runner.run()) {
        for (int t = 0; t < outputs.size(); t++) {
          TFloat32 values = (TFloat32) result.get(t);
          values.asRawTensor().data().asFloats().read(out[t]);
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
