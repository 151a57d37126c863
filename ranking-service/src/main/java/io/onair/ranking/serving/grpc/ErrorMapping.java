package io.onair.ranking.serving.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.onair.ranking.serving.ErrorCode;
import io.onair.ranking.serving.RankingException;

/**
 * The one place where failures become gRPC statuses: a {@link RankingException} becomes the status
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

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RankingException e) {
          call.close(
              Status.fromCode(statusOf(e.code())).withDescription(e.getMessage()), new Metadata());
        } catch (RuntimeException e) {
          log.log(System.Logger.Level.ERROR, "ranking call failed", e);
          call.close(Status.INTERNAL.withDescription("internal error"), new Metadata());
        }
      }
    };
  }
}
