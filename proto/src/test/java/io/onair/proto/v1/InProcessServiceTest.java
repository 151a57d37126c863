package io.onair.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated stubs work end to end over a real (in-process) server and channel: a unary call
 * with a deadline, a status that names the field, and a client stream closed by the client.
 */
class InProcessServiceTest {
  /** Long enough never to fire on a loaded machine; nothing here asserts on elapsed time. */
  private static final long DEADLINE_SECONDS = 30;

  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    String name = InProcessServerBuilder.generateName();
    // directExecutor: the fakes never block, and it keeps the test free of thread pools.
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(new EchoGateway())
            .addService(new CountingEvents())
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    assertThat(channel.awaitTermination(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(server.awaitTermination(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void recommendWithADeadlineGetsTheEchoedAnswer() {
    RecommendRequest request =
        RecommendRequest.newBuilder()
            .setUserId("user-1")
            .setScenario("swipe")
            .setReferAnchorId("anchor-9")
            .setCount(1)
            .setRequestId("req-42")
            .setDebug(true)
            .build();

    RecommendResponse response =
        GatewayServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
            .recommend(request);

    assertThat(response.getRequestId()).isEqualTo("req-42");
    assertThat(response.getItemsList()).hasSize(1);
    assertThat(response.getItems(0).getAnchorId()).isEqualTo("anchor-9");
    assertThat(response.getItems(0).getRank()).isEqualTo(1);
    assertThat(response.getItems(0).getExplanation().getReason()).contains("user-1");
  }

  @Test
  void recommendWithoutADeadlineIsRefusedNamingTheDeadline() {
    RecommendRequest request =
        RecommendRequest.newBuilder().setUserId("user-1").setScenario("app").build();

    assertThatThrownBy(() -> GatewayServiceGrpc.newBlockingStub(channel).recommend(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).startsWith("deadline: ");
            });
  }

  @Test
  void recommendWithAnEmptyUserIsRefusedNamingTheField() {
    RecommendRequest request = RecommendRequest.newBuilder().setScenario("app").build();

    assertThatThrownBy(
            () ->
                GatewayServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .recommend(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).startsWith("user_id: ");
            });
  }

  @Test
  void streamedEventsAreAcknowledgedWhenTheClientCloses()
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<EventAck> ack = new CompletableFuture<>();
    StreamObserver<Event> events =
        EventServiceGrpc.newStub(channel)
            .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
            .stream(completing(ack));

    events.onNext(impression("user-1", "anchor-1"));
    events.onNext(Event.getDefaultInstance());
    events.onNext(impression("user-1", "anchor-2"));
    events.onCompleted();

    EventAck result = ack.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    assertThat(result.getAccepted()).isEqualTo(2);
    assertThat(result.getRejected()).isEqualTo(1);
    assertThat(result.getRejectionsList())
        .containsExactly(EventRejection.newBuilder().setIndex(1).setReason("no payload").build());
  }

  private static Event impression(String user, String anchor) {
    return Event.newBuilder()
        .setImpression(
            Impression.newBuilder().setUserId(user).setAnchorId(anchor).setScenario("channel"))
        .build();
  }

  private static <T> StreamObserver<T> completing(CompletableFuture<T> future) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        future.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        future.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        if (!future.isDone()) {
          future.completeExceptionally(new IllegalStateException("completed without a value"));
        }
      }
    };
  }

  /** Answers with the refer anchor as the only item; enforces the gateway's deadline rule. */
  private static final class EchoGateway extends GatewayServiceGrpc.GatewayServiceImplBase {
    @Override
    public void recommend(
        RecommendRequest request, StreamObserver<RecommendResponse> responseObserver) {
      if (Context.current().getDeadline() == null) {
        responseObserver.onError(
            Status.INVALID_ARGUMENT
                .withDescription("deadline: a gRPC deadline is required")
                .asRuntimeException());
        return;
      }
      if (request.getUserId().isEmpty()) {
        responseObserver.onError(
            Status.INVALID_ARGUMENT
                .withDescription("user_id: must not be empty")
                .asRuntimeException());
        return;
      }
      responseObserver.onNext(
          RecommendResponse.newBuilder()
              .setRequestId(request.getRequestId())
              .addItems(
                  RecommendedItem.newBuilder()
                      .setAnchorId(request.getReferAnchorId())
                      .setRank(1)
                      .setExplanation(
                          Explanation.newBuilder().setReason("echo for " + request.getUserId())))
              .build());
      responseObserver.onCompleted();
    }
  }

  /** Accepts every event with a payload and rejects the others by index. */
  private static final class CountingEvents extends EventServiceGrpc.EventServiceImplBase {
    @Override
    public StreamObserver<Event> stream(StreamObserver<EventAck> responseObserver) {
      return new StreamObserver<>() {
        private final EventAck.Builder ack = EventAck.newBuilder();
        private int index;

        @Override
        public void onNext(Event event) {
          if (event.getPayloadCase() == Event.PayloadCase.PAYLOAD_NOT_SET) {
            ack.setRejected(ack.getRejected() + 1)
                .addRejections(EventRejection.newBuilder().setIndex(index).setReason("no payload"));
          } else {
            ack.setAccepted(ack.getAccepted() + 1);
          }
          index++;
        }

        @Override
        public void onError(Throwable t) {
          // The client gave up; there is nobody to acknowledge.
        }

        @Override
        public void onCompleted() {
          responseObserver.onNext(ack.build());
          responseObserver.onCompleted();
        }
      };
    }
  }
}
