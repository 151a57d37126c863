package io.onair.gateway;

import io.onair.server.ServiceException;

/**
 * A gateway failure with its {@link ErrorCode}. For {@link ErrorCode#INVALID_ARGUMENT} the message
 * is {@code "<field>: <reason>"}, as the API promises.
 */
public final class GatewayException extends ServiceException {
  private static final long serialVersionUID = 1L;

  public GatewayException(ErrorCode code, String message) {
    super(code, message);
  }

  public GatewayException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /** Bad input in {@code field}. */
  public static GatewayException invalid(String field, String reason) {
    return new GatewayException(ErrorCode.INVALID_ARGUMENT, field + ": " + reason);
  }

  @Override
  public ErrorCode code() {
    return (ErrorCode) super.code(); // the constructors take only an ErrorCode
  }
}
