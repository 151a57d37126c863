package io.onair.ranking.serving;

/**
 * Every way a ranking call can fail, so failures can be counted by kind. The gRPC edge maps each to
 * one status ({@code io.onair.ranking.serving.grpc.ErrorMapping}).
 */
public enum ErrorCode {
  /** A request field breaks a rule; the message starts with the field's name. */
  INVALID_ARGUMENT,
  /** The service is loading its models or shutting down. */
  UNAVAILABLE,
  /** The call's deadline passed before any candidate was scored. */
  DEADLINE_EXCEEDED,
  /** A bug. */
  INTERNAL
}
