package io.onair.gateway.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.onair.gateway.GatewayException;
import io.onair.gateway.events.EventAckResult;
import io.onair.gateway.events.EventIngestor;
import io.onair.gateway.events.IncomingEvent;
import io.onair.proto.v1.Event;
import io.onair.proto.v1.EventAck;
import io.onair.proto.v1.EventBatch;
import io.onair.proto.v1.EventServiceGrpc;
import io.onair.server.ErrorStatusMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code onair.v1.EventService}: {@code Send} ingests one batch (at most {@value
 * EventIngestor#MAX_BATCH}); {@code Stream} ingests the stream in chunks of that size as they
 * arrive, so a long stream holds bounded memory, and acks once at the end. Thread-safe.
 */
final class EventGrpcService extends EventServiceGrpc.EventServiceImplBase {
  private final EventIngestor ingestor;
  private final ErrorStatusMapping errors;

  /** {@code errors} answers a failure in the middle of a stream, as it answers any other call's. */
  EventGrpcService(EventIngestor ingestor, ErrorStatusMapping errors) {
    this.ingestor = requireNonNull(ingestor, "ingestor is null");
    this.errors = requireNonNull(errors, "errors is null");
  }

  @Override
  public void send(EventBatch batch, StreamObserver<EventAck> response) {
    if (batch.getEventsCount() > EventIngestor.MAX_BATCH) {
      throw GatewayException.invalid(
          "events",
          "at most "
              + EventIngestor.MAX_BATCH
              + " events per batch, got "
              + batch.getEventsCount());
    }
    List<IncomingEvent> events = batch.getEventsList().stream().map(ProtoMapping::event).toList();
    response.onNext(ProtoMapping.ack(ingestor.ingest(events, 0)));
    response.onCompleted();
  }

  @Override
  public StreamObserver<Event> stream(StreamObserver<EventAck> response) {
    return new StreamObserver<>() {
      private final List<IncomingEvent> buffer = new ArrayList<>();
      private EventAckResult ack = EventAckResult.empty();
      private int received;
      private boolean failed;

      @Override
      public void onNext(Event event) {
        if (failed) {
          return;
        }
        buffer.add(ProtoMapping.event(event));
        if (buffer.size() >= EventIngestor.MAX_BATCH) {
          try {
            flush();
          } catch (RuntimeException e) {
            failed = true;
            response.onError(errors.statusOf(e).asRuntimeException());
          }
        }
      }

      @Override
      public void onError(Throwable t) {
        buffer.clear(); // the client gave up: nothing to answer
      }

      @Override
      public void onCompleted() {
        if (failed) {
          return;
        }
        flush();
        response.onNext(ProtoMapping.ack(ack));
        response.onCompleted();
      }

      private void flush() {
        ack = ack.plus(ingestor.ingest(List.copyOf(buffer), received));
        received += buffer.size();
        buffer.clear();
      }
    };
  }
}
