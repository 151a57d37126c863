package io.onair.server;

import static java.util.Objects.requireNonNull;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one place where failures become gRPC statuses: a {@link ServiceException} becomes the status
 * of its {@link ServiceErrorCode} with its message as the description; anything else is INTERNAL
 * with a generic description (the stack trace goes to the log, never to the client). Immutable and
 * thread-safe.
 */
public final class ErrorStatusMapping implements ServerInterceptor {
  private static final System.Logger log = System.getLogger(ErrorStatusMapping.class.getName());

  private final String service;
  private final Set<Status.Code> warned;

  /**
   * Maps the failures of {@code service} (a short name for the log, e.g. {@code "recall"}), logging
   * only unexpected ones.
   */
  public ErrorStatusMapping(String service) {
    this(service, EnumSet.noneOf(Status.Code.class));
  }

  /**
   * Maps the failures of {@code service}, also logging as a warning each {@link ServiceException}
   * whose status is in {@code warned} (failures on the server's side worth an operator's eye).
   */
  public ErrorStatusMapping(String service, Set<Status.Code> warned) {
    this.service = requireNonNull(service, "service is null");
    this.warned = Set.copyOf(requireNonNull(warned, "warned is null"));
  }

  /** The status {@code failure} is answered with. */
  public Status statusOf(RuntimeException failure) {
    if (failure instanceof ServiceException e) {
      Status.Code code = e.code().status();
      if (warned.contains(code)) {
        log.log(System.Logger.Level.WARNING, service + " call failed: " + e.getMessage(), e);
      }
      return Status.fromCode(code).withDescription(e.getMessage());
    }
    log.log(System.Logger.Level.ERROR, service + " call failed", failure);
    return Status.INTERNAL.withDescription("internal error");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          call.close(statusOf(e), new Metadata());
        }
      }
    };
  }
}
