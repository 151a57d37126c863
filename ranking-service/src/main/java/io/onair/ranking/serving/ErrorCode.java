package io.onair.ranking.serving;

import io.grpc.Status;
import io.onair.server.ServiceErrorCode;

/**
 * Every way a ranking call can fail, so failures can be counted by kind. The gRPC edge maps each to
 * one status, which the one interceptor ({@code io.onair.server.ErrorStatusMapping}) answers with.
 */
public enum ErrorCode implements ServiceErrorCode {
  /** A request field breaks a rule; the message starts with the field's name. */
  INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT),
  /** The service is loading its models or shutting down. */
  UNAVAILABLE(Status.Code.UNAVAILABLE),
  /** The call's deadline passed before any candidate was scored. */
  DEADLINE_EXCEEDED(Status.Code.DEADLINE_EXCEEDED),
  /** A bug. */
  INTERNAL(Status.Code.INTERNAL);

  private final Status.Code status;

  ErrorCode(Status.Code status) {
    this.status = status;
  }

  @Override
  public Status.Code status() {
    return status;
  }
}
