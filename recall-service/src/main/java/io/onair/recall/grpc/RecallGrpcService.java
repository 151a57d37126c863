package io.onair.recall.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.onair.metrics.ServiceMetrics;
import io.onair.proto.v1.RecallRequest;
import io.onair.proto.v1.RecallResponse;
import io.onair.proto.v1.RecallServiceGrpc;
import io.onair.recall.engine.Degradation;
import io.onair.recall.engine.RecallEngine;
import io.onair.recall.engine.RecallResult;
import io.onair.recall.engine.RouteOutcome;
import io.onair.server.CallDeadline;
import java.util.Locale;

/**
 * The RecallService gRPC edge: converts the request, runs the engine within the call's deadline (or
 * the configured default), converts the answer. Failures are thrown as {@link
 * io.onair.recall.RecallException} and mapped by {@link io.onair.server.ErrorStatusMapping}.
 * Thread-safe.
 */
public final class RecallGrpcService extends RecallServiceGrpc.RecallServiceImplBase {
  private final EngineSlot engine;
  private final ServiceMetrics metrics;

  public RecallGrpcService(EngineSlot engine, ServiceMetrics metrics) {
    this.engine = requireNonNull(engine, "engine is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public void recall(RecallRequest request, StreamObserver<RecallResponse> responses) {
    RecallEngine current = engine.get();
    long deadlineNanos = CallDeadline.nanoTime(current.config().defaultDeadlineMillis());
    RecallResult result = current.recall(ProtoMapping.toDomain(request), deadlineNanos);
    record(result);
    responses.onNext(ProtoMapping.toProto(result, request.getDebug()));
    responses.onCompleted();
  }

  private void record(RecallResult result) {
    result.debug().stageMicros().forEach(metrics::stage);
    for (Degradation degradation : result.degradations()) {
      metrics.fallback(degradation.name().toLowerCase(Locale.ROOT));
    }
    for (RouteOutcome outcome : result.outcomes()) {
      switch (outcome.status()) {
        case DROPPED_ERROR -> metrics.droppedRoute(outcome.route(), "error");
        case DROPPED_DEADLINE -> metrics.droppedRoute(outcome.route(), "deadline");
        default -> {}
      }
    }
  }
}
