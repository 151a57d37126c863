package io.onair.server;

import io.grpc.Status;

/**
 * A way a service call can fail, as each service's {@code ErrorCode} enum names them; each code
 * knows the gRPC status it is answered with ({@link ErrorStatusMapping}). Implementations are
 * enums: immutable and thread-safe.
 */
public interface ServiceErrorCode {
  /** The status a failure with this code is answered with. */
  Status.Code status();
}
