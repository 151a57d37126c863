package io.onair.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallDeadlineTest {
  @Test
  void theCallDeadlineWinsOverTheDefault() throws Exception {
    long before = System.nanoTime();
    long fallback = CallDeadline.nanoTime(60_000);
    assertThat(fallback - before).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(60));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (Context.CancellableContext call =
        Context.current().withDeadlineAfter(1, TimeUnit.SECONDS, scheduler)) {
      long fromCall = call.call(() -> CallDeadline.nanoTime(60_000));
      // one second from the call, far short of the one-minute default, however slow the machine
      assertThat(fromCall).isLessThan(fallback);
    } finally {
      scheduler.shutdownNow();
    }
  }
}
