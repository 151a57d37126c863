package io.onair.recall;

import io.onair.server.ServiceException;

/**
 * A recall failure with its {@link ErrorCode}. For {@link ErrorCode#INVALID_ARGUMENT} the message
 * is {@code "<field>: <reason>"}, as the API promises.
 */
public final class RecallException extends ServiceException {
  private static final long serialVersionUID = 1L;

  public RecallException(ErrorCode code, String message) {
    super(code, message);
  }

  public RecallException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /** Bad input in {@code field}. */
  public static RecallException invalid(String field, String reason) {
    return new RecallException(ErrorCode.INVALID_ARGUMENT, field + ": " + reason);
  }

  @Override
  public ErrorCode code() {
    return (ErrorCode) super.code(); // the constructors take only an ErrorCode
  }
}
