package io.onair.ranking.serving;

import static java.util.Objects.requireNonNull;

/**
 * A ranking failure with its {@link ErrorCode}. For {@link ErrorCode#INVALID_ARGUMENT} the message
 * is {@code "<field>: <reason>"}, as the API promises.
 */
public final class RankingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public RankingException(ErrorCode code, String message) {
    super(requireNonNull(message, "message is null"));
    this.code = requireNonNull(code, "code is null");
  }

  /** Bad input in {@code field}. */
  public static RankingException invalid(String field, String reason) {
    return new RankingException(ErrorCode.INVALID_ARGUMENT, field + ": " + reason);
  }

  public ErrorCode code() {
    return code;
  }
}
