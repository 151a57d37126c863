package io.onair.ranking.serving;

import io.onair.server.ServiceException;

/**
 * A ranking failure with its {@link ErrorCode}. For {@link ErrorCode#INVALID_ARGUMENT} the message
 * is {@code "<field>: <reason>"}, as the API promises.
 */
public final class RankingException extends ServiceException {
  private static final long serialVersionUID = 1L;

  public RankingException(ErrorCode code, String message) {
    super(code, message);
  }

  /** Bad input in {@code field}. */
  public static RankingException invalid(String field, String reason) {
    return new RankingException(ErrorCode.INVALID_ARGUMENT, field + ": " + reason);
  }

  @Override
  public ErrorCode code() {
    return (ErrorCode) super.code(); // the constructors take only an ErrorCode
  }
}
