package io.onair.metrics;

import static java.util.Objects.requireNonNull;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Counts every call a gRPC service answers, by method and final status, with its latency (into
 * {@link ServiceMetrics#request}). Install it on each service of a server. Stateless and
 * thread-safe.
 */
public final class GrpcMetricsInterceptor implements ServerInterceptor {
  private final ServiceMetrics metrics;

  public GrpcMetricsInterceptor(ServiceMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    long start = System.nanoTime();
    String method = call.getMethodDescriptor().getBareMethodName();
    return next.startCall(
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            metrics.request(method, status.getCode().name(), System.nanoTime() - start);
            super.close(status, trailers);
          }
        },
        headers);
  }
}
