package io.onair.ranking.serving.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.onair.metrics.ServiceMetrics;
import io.onair.proto.v1.RankRequest;
import io.onair.proto.v1.RankResponse;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.ranking.serving.rank.Degradation;
import io.onair.ranking.serving.rank.RankResult;
import io.onair.ranking.serving.rank.Ranker;
import io.onair.server.CallDeadline;
import java.util.Locale;

/**
 * The RankingService gRPC edge: converts the request, ranks within the call's deadline (or the
 * configured default), records stage latencies and fallbacks, converts the answer. Failures are
 * thrown as {@link io.onair.ranking.serving.RankingException} and mapped by {@link
 * io.onair.server.ErrorStatusMapping}. Thread-safe.
 */
final class RankingGrpcService extends RankingServiceGrpc.RankingServiceImplBase {
  private final RankerSlot ranker;
  private final ServiceMetrics metrics;

  RankingGrpcService(RankerSlot ranker, ServiceMetrics metrics) {
    this.ranker = requireNonNull(ranker, "ranker is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public void rank(RankRequest request, StreamObserver<RankResponse> responses) {
    Ranker current = ranker.get();
    long deadlineNanos = CallDeadline.nanoTime(current.config().defaultDeadlineMillis());
    RankResult result = current.rank(ProtoMapping.toDomain(request), deadlineNanos);
    result.stageMicros().forEach(metrics::stage);
    for (Degradation degradation : result.degradations()) {
      metrics.fallback(degradation.name().toLowerCase(Locale.ROOT));
    }
    responses.onNext(ProtoMapping.toProto(result, request.getDebug()));
    responses.onCompleted();
  }
}
