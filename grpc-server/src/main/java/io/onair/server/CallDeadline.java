package io.onair.server;

import io.grpc.Context;
import io.grpc.Deadline;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of the current incoming call, so it propagates to the work the call does. Stateless
 * and thread-safe.
 */
public final class CallDeadline {
  private CallDeadline() {}

  /**
   * The current call's deadline as a {@link System#nanoTime()} instant, or {@code defaultMillis}
   * from now if the client set none.
   */
  public static long nanoTime(long defaultMillis) {
    Deadline deadline = Context.current().getDeadline();
    long now = System.nanoTime();
    return deadline != null
        ? now + deadline.timeRemaining(TimeUnit.NANOSECONDS)
        : now + TimeUnit.MILLISECONDS.toNanos(defaultMillis);
  }
}
