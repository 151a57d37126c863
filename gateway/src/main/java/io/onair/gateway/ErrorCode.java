package io.onair.gateway;

/**
 * Every way a gateway call can fail, so failures can be counted by kind. The gRPC edge maps each to
 * one status ({@code io.onair.gateway.grpc.ErrorMapping}).
 */
public enum ErrorCode {
  /** A request field breaks a rule; the message starts with the field's name. */
  INVALID_ARGUMENT,
  /** The service is shutting down, or a store it cannot do without is unreachable. */
  UNAVAILABLE,
  /** The call's deadline passed before an answer was ready. */
  DEADLINE_EXCEEDED,
  /** A bug. */
  INTERNAL
}
