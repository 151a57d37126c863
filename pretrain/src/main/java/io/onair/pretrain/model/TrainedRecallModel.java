package io.onair.pretrain.model;

import static java.util.Objects.requireNonNull;

import io.onair.pretrain.sequences.Modality;
import io.onair.pretrain.sequences.ModalitySequences;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A recall pretraining graph with its session: owns the native memory, so close it. Training steps
 * and inference share the session; not thread-safe.
 */
public final class TrainedRecallModel implements AutoCloseable {
  /** Rows per inference call. */
  static final int INFERENCE_BATCH = 1024;

  private final Graph graph;
  private final Session session;
  private final RecallModel model;
  private final PretrainConfig config;

  private TrainedRecallModel(
      Graph graph, Session session, RecallModel model, PretrainConfig config) {
    this.graph = graph;
    this.session = session;
    this.model = model;
    this.config = config;
  }

  /** Builds the graph (so a bad configuration fails before any data work) and initialises it. */
  public static TrainedRecallModel create(
      PretrainConfig config, io.onair.pretrain.sequences.TokenSpace space) {
    requireNonNull(config, "config is null");
    Graph graph = new Graph();
    Session session = null;
    try {
      RecallModel model = RecallModelBuilder.build(graph, config, space);
      session =
          new Session(
              graph,
              ConfigProto.newBuilder()
                  .setIntraOpParallelismThreads(config.threads())
                  .setInterOpParallelismThreads(1)
                  .build());
      session.initialize();
      return new TrainedRecallModel(graph, session, model, config);
    } catch (RuntimeException | Error e) {
      if (session != null) {
        session.close();
      }
      graph.close();
      throw e;
    }
  }

  public PretrainConfig config() {
    return config;
  }

  /**
   * One training step.
   *
   * @param tokens {@code rows * modalities * (L + 1)} token ids
   * @param exampleRows each example's row in {@code tokens}
   * @param labels each example's label anchor
   * @return the weighted loss followed by the per-modality losses
   */
  public float[] step(
      int[] tokens,
      int rows,
      int[] exampleRows,
      int examples,
      int[] labels,
      float[] labelLogQ,
      int[] negatives,
      float[] negativeLogQ) {
    int width = config.sequenceLength() + 1;
    int modalities = Modality.count();
    try (TInt32 tokenTensor =
            TInt32.tensorOf(
                Shape.of(rows, modalities, width),
                DataBuffers.of(tokens, true, false).narrow((long) rows * modalities * width));
        TInt32 exampleRowTensor =
            TInt32.tensorOf(
                Shape.of(examples), DataBuffers.of(exampleRows, true, false).narrow(examples));
        TInt32 labelTensor =
            TInt32.tensorOf(
                Shape.of(examples), DataBuffers.of(labels, true, false).narrow(examples));
        TFloat32 labelLogQTensor =
            TFloat32.tensorOf(
                Shape.of(examples), DataBuffers.of(labelLogQ, true, false).narrow(examples));
        TInt32 negativeTensor = TInt32.vectorOf(negatives);
        TFloat32 negativeLogQTensor = TFloat32.vectorOf(negativeLogQ);
        Result result =
            session
                .runner()
                .feed(model.tokens(), tokenTensor)
                .feed(model.exampleRows(), exampleRowTensor)
                .feed(model.labels(), labelTensor)
                .feed(model.labelLogQ(), labelLogQTensor)
                .feed(model.negatives(), negativeTensor)
                .feed(model.negativeLogQ(), negativeLogQTensor)
                .addTarget(model.trainStep())
                .fetch(model.loss())
                .fetch(model.modalityLosses())
                .run()) {
      float[] out = new float[1 + modalities];
      out[0] = ((TFloat32) result.get(0)).getFloat();
      TFloat32 perModality = (TFloat32) result.get(1);
      for (int m = 0; m < modalities; m++) {
        out[1 + m] = perModality.getFloat(m);
      }
      return out;
    }
  }

  /** The user vectors of every row: {@code rows * modalities * d} floats, row-major. */
  public float[] userVectors(ModalitySequences sequences) {
    requireNonNull(sequences, "sequences is null");
    int rowWidth = sequences.rowWidth();
    int d = config.dimension();
    int modalities = Modality.count();
    float[] out = new float[sequences.rows() * modalities * d];
    for (int from = 0; from < sequences.rows(); from += INFERENCE_BATCH) {
      int rows = Math.min(INFERENCE_BATCH, sequences.rows() - from);
      int[] slice = new int[rows * rowWidth];
      System.arraycopy(sequences.tokens(), from * rowWidth, slice, 0, slice.length);
      try (TInt32 tokenTensor =
              TInt32.tensorOf(
                  Shape.of(rows, modalities, sequences.width()),
                  DataBuffers.of(slice, true, false));
          Result result =
              session.runner().feed(model.tokens(), tokenTensor).fetch(model.userVectors()).run()) {
        FloatDataBuffer buffer = ((TFloat32) result.get(0)).asRawTensor().data().asFloats();
        buffer.read(out, from * modalities * d, rows * modalities * d);
      }
    }
    return out;
  }

  /** The anchor vectors: {@code anchors * d} floats, row-major by anchor index. */
  public float[] anchorVectors() {
    try (Result result = session.runner().fetch(model.anchorVectors()).run()) {
      TFloat32 anchors = (TFloat32) result.get(0);
      float[] out = new float[(int) anchors.shape().size()];
      anchors.asRawTensor().data().asFloats().read(out);
      return out;
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
