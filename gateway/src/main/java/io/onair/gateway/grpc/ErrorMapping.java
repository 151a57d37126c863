package io.onair.gateway.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.onair.gateway.ErrorCode;
import io.onair.gateway.GatewayException;

/**
 * The one place where failures become gRPC statuses: a {@link GatewayException} becomes the status
 * of its {@link ErrorCode} with its message as the description; anything else is INTERNAL with a
 * generic description (the stack trace goes to the log, never to the client). Stateless and
 * thread-safe.
 */
public final class ErrorMapping implements ServerInterceptor {
  private static final System.Logger log = System.getLogger(ErrorMapping.class.getName());

  /** The status of an error code. */
  public static Status.Code statusOf(ErrorCode code) {
    return switch (code) {
      case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
      case UNAVAILABLE -> Status.Code.UNAVAILABLE;
      case DEADLINE_EXCEEDED -> Status.Code.DEADLINE_EXCEEDED;
      case INTERNAL -> Status.Code.INTERNAL;
    };
  }

  /** The status a failure is answered with. */
  static Status statusOf(RuntimeException e) {
    if (e instanceof GatewayException g) {
      if (g.code() == ErrorCode.UNAVAILABLE || g.code() == ErrorCode.INTERNAL) {
        log.log(System.Logger.Level.WARNING, "gateway call failed: " + g.getMessage(), g);
      }
      return Status.fromCode(statusOf(g.code())).withDescription(g.getMessage());
    }
    log.log(System.Logger.Level.ERROR, "gateway call failed", e);
    return Status.INTERNAL.withDescription("internal error");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          call.close(statusOf(e), new Metadata());
        }
      }
    };
  }
}
