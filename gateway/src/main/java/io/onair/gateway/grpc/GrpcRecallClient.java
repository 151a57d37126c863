package io.onair.gateway.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.onair.gateway.recommend.RecallAnswer;
import io.onair.gateway.recommend.RecallClient;
import io.onair.gateway.recommend.RecallQuery;
import io.onair.gateway.recommend.StageFailure;
import io.onair.proto.v1.RecallRequest;
import io.onair.proto.v1.RecallResponse;
import io.onair.proto.v1.RecallServiceGrpc;
import java.util.concurrent.TimeUnit;

/**
 * {@link RecallClient} over gRPC. The call's deadline is the stage's time limit; the incoming
 * call's deadline and cancellation also propagate (gRPC's context), so recall never works past the
 * gateway's caller. Thread-safe.
 */
public final class GrpcRecallClient implements RecallClient {
  private final RecallServiceGrpc.RecallServiceBlockingStub stub;

  public GrpcRecallClient(Channel channel) {
    this.stub = RecallServiceGrpc.newBlockingStub(requireNonNull(channel, "channel is null"));
  }

  @Override
  public RecallAnswer recall(RecallQuery q, long timeoutMicros) throws StageFailure {
    if (timeoutMicros <= 0) {
      throw new StageFailure("no time left for recall", true, null);
    }
    RecallRequest request =
        RecallRequest.newBuilder()
            .setUserId(q.userId())
            .setScenario(q.scenario())
            .setReferAnchorId(q.referAnchorId())
            .setCount(q.count())
            .addAllExcludeAnchorIds(q.excludeAnchorIds())
            .setRequestTime(q.requestTime())
            .setDebug(q.debug())
            .setRequestId(q.requestId())
            .build();
    RecallResponse response;
    try {
      response = stub.withDeadlineAfter(timeoutMicros, TimeUnit.MICROSECONDS).recall(request);
    } catch (StatusRuntimeException e) {
      throw new StageFailure(
          "recall failed: " + e.getStatus(),
          e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED,
          e);
    }
    try {
      return new RecallAnswer(
          response.getCandidatesList().stream().map(ProtoMapping::candidate).toList(),
          response.getRouteOutcomesList().stream().map(ProtoMapping::routeReport).toList(),
          ProtoMapping.flags(response.getDegradationFlagsList()),
          response.getArtifactsList().stream().map(ProtoMapping::artifact).toList());
    } catch (RuntimeException e) {
      throw new StageFailure("recall answered something unreadable: " + e.getMessage(), false, e);
    }
  }
}
