package io.onair.gateway.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.StreamObserver;
import io.onair.gateway.recommend.RecommendPipeline;
import io.onair.proto.v1.GatewayServiceGrpc;
import io.onair.proto.v1.RecommendRequest;
import io.onair.proto.v1.RecommendResponse;
import java.util.concurrent.TimeUnit;

/**
 * {@code onair.v1.GatewayService}: maps the call to the {@link RecommendPipeline} with the call's
 * deadline. Failures are thrown and mapped by {@link io.onair.server.ErrorStatusMapping}.
 * Thread-safe.
 */
final class GatewayGrpcService extends GatewayServiceGrpc.GatewayServiceImplBase {
  private final RecommendPipeline pipeline;

  GatewayGrpcService(RecommendPipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline is null");
  }

  @Override
  public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> response) {
    Deadline deadline = Context.current().getDeadline();
    Long remaining = deadline == null ? null : deadline.timeRemaining(TimeUnit.NANOSECONDS);
    RecommendResponse answer =
        ProtoMapping.response(pipeline.recommend(ProtoMapping.input(request, remaining)));
    response.onNext(answer);
    response.onCompleted();
  }
}
