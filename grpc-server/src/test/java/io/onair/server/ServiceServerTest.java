package io.onair.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServiceServerTest {
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

  @Test
  void notServingUntilSetServingThenServingForEveryName() throws Exception {
    try (ServiceServer server =
        ServiceServer.builder(ANY_PORT).executor("test-grpc", 2, 10).health("a.A", "b.B").start()) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        for (String name : new String[] {"", "a.A", "b.B"}) {
          assertThat(status(health, name)).isEqualTo(ServingStatus.NOT_SERVING);
        }
        server.setServing();
        for (String name : new String[] {"", "a.A", "b.B"}) {
          assertThat(status(health, name)).isEqualTo(ServingStatus.SERVING);
        }
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void closeIsIdempotentAndEndsAwaitTermination() throws Exception {
    ServiceServer server = ServiceServer.builder(ANY_PORT).executor("test-grpc", 1, 1).start();
    assertThat(server.port()).isPositive();
    server.close();
    server.close();
    server.setServing(); // terminal: no effect, no failure
    server.awaitTermination();
  }

  @Test
  void refusesAnAddressInUseAndAMissingExecutor() {
    try (ServiceServer first = ServiceServer.builder(ANY_PORT).executor("a", 1, 1).start()) {
      InetSocketAddress taken = new InetSocketAddress("127.0.0.1", first.port());
      assertThatThrownBy(() -> ServiceServer.builder(taken).executor("b", 1, 1).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot listen on");
    }
    assertThatThrownBy(() -> ServiceServer.builder(ANY_PORT).start())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ServiceServer.builder(ANY_PORT).executor("c", 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ServingStatus status(HealthGrpc.HealthBlockingStub health, String name) {
    return health.check(HealthCheckRequest.newBuilder().setService(name).build()).getStatus();
  }
}
