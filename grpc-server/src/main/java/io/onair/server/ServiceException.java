package io.onair.server;

import static java.util.Objects.requireNonNull;

/**
 * A service failure with its {@link ServiceErrorCode}; {@link ErrorStatusMapping} answers it with
 * the code's status and the message as the description, so the message must be fit for clients.
 * Each service has one final subclass taking only its own {@code ErrorCode} enum, and narrows
 * {@link #code()} to it. Immutable.
 */
public abstract class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ServiceErrorCode code;

  protected ServiceException(ServiceErrorCode code, String message) {
    super(requireNonNull(message, "message is null"));
    this.code = requireNonNull(code, "code is null");
  }

  protected ServiceException(ServiceErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.code = requireNonNull(code, "code is null");
  }

  /** What kind of failure this is. */
  public ServiceErrorCode code() {
    return code;
  }
}
