package io.onair.gateway.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.onair.gateway.recommend.Candidate;
import io.onair.gateway.recommend.RankAnswer;
import io.onair.gateway.recommend.RankQuery;
import io.onair.gateway.recommend.RankingClient;
import io.onair.gateway.recommend.StageFailure;
import io.onair.proto.v1.RankCandidate;
import io.onair.proto.v1.RankRequest;
import io.onair.proto.v1.RankResponse;
import io.onair.proto.v1.RankedCandidate;
import io.onair.proto.v1.RankingServiceGrpc;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link RankingClient} over gRPC, with the stage's time limit as the call's deadline (the incoming
 * call's deadline and cancellation also propagate). Thread-safe.
 */
public final class GrpcRankingClient implements RankingClient {
  private final RankingServiceGrpc.RankingServiceBlockingStub stub;

  public GrpcRankingClient(Channel channel) {
    this.stub = RankingServiceGrpc.newBlockingStub(requireNonNull(channel, "channel is null"));
  }

  @Override
  public RankAnswer rank(RankQuery q, long timeoutMicros) throws StageFailure {
    if (timeoutMicros <= 0) {
      throw new StageFailure("no time left for ranking", true, null);
    }
    RankRequest.Builder request =
        RankRequest.newBuilder()
            .setUserId(q.userId())
            .setScenario(q.scenario())
            .setReferAnchorId(q.referAnchorId())
            .setRequestTime(q.requestTime())
            .setDebug(q.debug())
            .setRequestId(q.requestId());
    for (Candidate c : q.candidates()) {
      RankCandidate.Builder b =
          RankCandidate.newBuilder().setAnchorId(c.anchorId()).setRecallScore(c.score());
      c.routes().forEach(p -> b.addProvenance(ProtoMapping.provenance(p)));
      request.addCandidates(b);
    }
    RankResponse response;
    try {
      response = stub.withDeadlineAfter(timeoutMicros, TimeUnit.MICROSECONDS).rank(request.build());
    } catch (StatusRuntimeException e) {
      throw new StageFailure(
          "ranking failed: " + e.getStatus(),
          e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED,
          e);
    }
    try {
      Map<String, Map<String, Double>> predictions = new HashMap<>();
      for (RankedCandidate r : response.getResultsList()) {
        predictions.put(r.getAnchorId(), Map.copyOf(r.getPredictionsMap()));
      }
      return new RankAnswer(
          predictions,
          ProtoMapping.model(response.getModel()),
          ProtoMapping.flags(response.getDegradationFlagsList()));
    } catch (RuntimeException e) {
      throw new StageFailure("ranking answered something unreadable: " + e.getMessage(), false, e);
    }
  }
}
