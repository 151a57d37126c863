package io.onair.gateway.recommend;

/**
 * Calls the recall service. Implementations are thread-safe ({@code
 * io.onair.gateway.grpc.GrpcRecallClient} over gRPC).
 */
public interface RecallClient {
  /**
   * Recalls candidates within {@code timeoutMicros}.
   *
   * @throws StageFailure when recall failed or did not answer in time
   */
  RecallAnswer recall(RecallQuery query, long timeoutMicros) throws StageFailure;
}
