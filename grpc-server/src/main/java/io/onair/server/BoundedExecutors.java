package io.onair.server;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Bounded thread pools with named daemon threads. Stateless and thread-safe. */
public final class BoundedExecutors {
  private BoundedExecutors() {}

  /**
   * A pool of {@code threads} threads named {@code name-N} with a queue of {@code queue} tasks; a
   * task beyond that is rejected ({@link java.util.concurrent.RejectedExecutionException}), so
   * overload shows as an error the caller handles instead of an unbounded backlog.
   */
  public static ThreadPoolExecutor create(String name, int threads, int queue) {
    requireNonNull(name, "name is null");
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            factory,
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
