package io.onair.gateway;

import static java.util.Objects.requireNonNull;

/**
 * A gateway failure with its {@link ErrorCode}. For {@link ErrorCode#INVALID_ARGUMENT} the message
 * is {@code "<field>: <reason>"}, as the API promises.
 */
public final class GatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public GatewayException(ErrorCode code, String message) {
    super(requireNonNull(message, "message is null"));
    this.code = requireNonNull(code, "code is null");
  }

  public GatewayException(ErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.code = requireNonNull(code, "code is null");
  }

  /** Bad input in {@code field}. */
  public static GatewayException invalid(String field, String reason) {
    return new GatewayException(ErrorCode.INVALID_ARGUMENT, field + ": " + reason);
  }

  public ErrorCode code() {
    return code;
  }
}
