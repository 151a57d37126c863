package io.onair.gateway.testing;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.features.FeatureStore;
import io.onair.gateway.config.GatewayConfig;
import io.onair.gateway.grpc.GatewayServer;
import io.onair.metrics.ServiceMetrics;
import io.onair.proto.v1.EventServiceGrpc;
import io.onair.proto.v1.GatewayServiceGrpc;
import io.onair.proto.v1.RankingServiceGrpc;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * A gateway on loopback in front of the world's real recall server and a fake ranking server, with
 * a client channel to it. Close it after the test.
 */
public final class GatewayHarness implements AutoCloseable {
  public final Server ranking;
  public final GatewayServer gateway;
  public final ManagedChannel channel;
  public final ServiceMetrics metrics = new ServiceMetrics("gateway");

  public GatewayHarness(
      TinyServingWorld world,
      RankingServiceGrpc.RankingServiceImplBase ranker,
      GatewayConfig config) {
    this(world, world.store, world.recallTarget(), ranker, config);
  }

  public GatewayHarness(
      TinyServingWorld world,
      FeatureStore store,
      String recallTarget,
      RankingServiceGrpc.RankingServiceImplBase ranker,
      GatewayConfig config) {
    this.ranking = FakeRankings.serve(ranker);
    this.gateway =
        new GatewayServer(
            new InetSocketAddress("127.0.0.1", 0),
            config,
            store,
            world.relations(),
            GatewayServer.channel(recallTarget),
            GatewayServer.channel("127.0.0.1:" + ranking.getPort()),
            metrics,
            Clock.systemUTC());
    this.channel =
        NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
  }

  /** A Recommend stub with a deadline of {@code seconds}. */
  public GatewayServiceGrpc.GatewayServiceBlockingStub recommend(long seconds) {
    return GatewayServiceGrpc.newBlockingStub(channel).withDeadlineAfter(seconds, TimeUnit.SECONDS);
  }

  /** A Recommend stub without a deadline. */
  public GatewayServiceGrpc.GatewayServiceBlockingStub recommendWithoutDeadline() {
    return GatewayServiceGrpc.newBlockingStub(channel);
  }

  public EventServiceGrpc.EventServiceBlockingStub events() {
    return EventServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  public EventServiceGrpc.EventServiceStub eventsAsync() {
    return EventServiceGrpc.newStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    gateway.close();
    ranking.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
