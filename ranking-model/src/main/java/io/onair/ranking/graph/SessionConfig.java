package io.onair.ranking.graph;

import org.tensorflow.proto.ConfigProto;

/**
 * The TensorFlow session options every ranking session uses, training and serving alike.
 *
 * <p>Every op runs in the calling thread ({@code inter_op_parallelism_threads = -1}). With an
 * inter-op pool, even of one thread, the executor runs some ops on the caller and some on the pool
 * depending on timing, and the factorised DBMTL heads then gave a slightly different model from run
 * to run with one seed (docs/ranking.md, "Reproducible results"). The models are small, so the
 * pool's concurrency bought nothing; a serving thread scoring its own request inline also avoids a
 * hand-off per call.
 */
public final class SessionConfig {
  private SessionConfig() {}

  /** The options with {@code intraOpThreads} threads inside each op. */
  public static ConfigProto of(int intraOpThreads) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(-1)
        .build();
  }
}
