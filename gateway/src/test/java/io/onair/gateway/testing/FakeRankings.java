package io.onair.gateway.testing;

import io.grpc.Context;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.onair.dataset.manifest.TargetKind;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.proto.v1.ModelVersion;
import io.onair.proto.v1.RankCandidate;
import io.onair.proto.v1.RankRequest;
import io.onair.proto.v1.RankResponse;
import io.onair.proto.v1.RankedCandidate;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.proto.v1.TargetInfo;
import io.onair.simulator.output.SimulatorManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hand-written RankingService implementations for the gateway's tests (the real ranking service is
 * another module): one that predicts every target of the simulator's graph from a hash of the
 * anchor, one that fails, one that answers only after the caller gave up. Each runs on a real
 * loopback server ({@link #serve}).
 */
public final class FakeRankings {
  public static final String MODEL = "test-dbmtl";
  public static final String VERSION = "v-test-1";

  private FakeRankings() {}

  /** Starts {@code service} on a loopback port. */
  public static Server serve(RankingServiceGrpc.RankingServiceImplBase service) {
    try {
      return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(service)
          .build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The prediction the predicting fake gives {@code anchor} for {@code target}. */
  public static double prediction(String anchor, TargetSpec target) {
    int h = (anchor + "/" + target.name()).hashCode();
    double unit = ((h & 0x7fffffff) % 10_000) / 10_000.0;
    return target.kind() == TargetKind.NUMERIC ? 300 * unit : unit;
  }

  /** Predicts every simulator target for every candidate, in request order. */
  public static final class Predicting extends RankingServiceGrpc.RankingServiceImplBase {
    public final AtomicInteger calls = new AtomicInteger();

    @Override
    public void rank(RankRequest request, StreamObserver<RankResponse> response) {
      calls.incrementAndGet();
      ModelVersion.Builder model =
          ModelVersion.newBuilder().setModelName(MODEL).setVersion(VERSION);
      for (TargetSpec t : SimulatorManifest.TARGETS) {
        model.addTargets(
            TargetInfo.newBuilder()
                .setName(t.name())
                .addAllParents(t.parents())
                .setKind(
                    t.kind() == TargetKind.NUMERIC
                        ? io.onair.proto.v1.TargetKind.TARGET_KIND_NUMERIC
                        : io.onair.proto.v1.TargetKind.TARGET_KIND_BINARY));
      }
      RankResponse.Builder out = RankResponse.newBuilder().setModel(model);
      for (RankCandidate c : request.getCandidatesList()) {
        RankedCandidate.Builder r = RankedCandidate.newBuilder().setAnchorId(c.getAnchorId());
        for (TargetSpec t : SimulatorManifest.TARGETS) {
          r.putPredictions(t.name(), prediction(c.getAnchorId(), t));
        }
        out.addResults(r);
      }
      response.onNext(out.build());
      response.onCompleted();
    }
  }

  /** Always UNAVAILABLE, as a ranking service still loading its model answers. */
  public static final class Failing extends RankingServiceGrpc.RankingServiceImplBase {
    @Override
    public void rank(RankRequest request, StreamObserver<RankResponse> response) {
      response.onError(
          Status.UNAVAILABLE.withDescription("the model is not loaded").asRuntimeException());
    }
  }

  /** Never answers in time: waits until the caller's deadline cancels the call. */
  public static final class Late extends RankingServiceGrpc.RankingServiceImplBase {
    @Override
    public void rank(RankRequest request, StreamObserver<RankResponse> response) {
      Context context = Context.current();
      try {
        for (int i = 0; i < 3000 && !context.isCancelled(); i++) {
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!context.isCancelled()) {
        response.onNext(RankResponse.getDefaultInstance());
        response.onCompleted();
      }
    }
  }
}
