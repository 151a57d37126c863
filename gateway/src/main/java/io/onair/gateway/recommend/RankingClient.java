package io.onair.gateway.recommend;

/**
 * Calls the ranking service. Implementations are thread-safe ({@code
 * io.onair.gateway.grpc.GrpcRankingClient} over gRPC).
 */
public interface RankingClient {
  /**
   * Scores the candidates within {@code timeoutMicros}.
   *
   * @throws StageFailure when ranking failed or did not answer in time
   */
  RankAnswer rank(RankQuery query, long timeoutMicros) throws StageFailure;
}
