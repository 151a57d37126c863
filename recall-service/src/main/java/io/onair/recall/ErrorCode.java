package io.onair.recall;

/**
 * Every way a recall call can fail, so failures can be counted by kind. The gRPC edge maps each to
 * one status ({@code io.onair.recall.grpc.ErrorMapping}).
 */
public enum ErrorCode {
  /** A request field breaks a rule; the message starts with the field's name. */
  INVALID_ARGUMENT,
  /** The service is loading or shutting down, or a store it cannot do without failed. */
  UNAVAILABLE,
  /** The call's deadline passed before an answer was ready. */
  DEADLINE_EXCEEDED,
  /** A bug. */
  INTERNAL
}
