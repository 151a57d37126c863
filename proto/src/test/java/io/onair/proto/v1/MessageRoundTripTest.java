package io.onair.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Messages survive the wire intact, and readers of v1 tolerate fields added after them. */
class MessageRoundTripTest {

  @Test
  void recommendResponseWithEveryFieldSetRoundTrips() throws InvalidProtocolBufferException {
    RecommendResponse response = Fixtures.fullRecommendResponse();

    RecommendResponse parsed = RecommendResponse.parseFrom(response.toByteArray());

    assertThat(parsed).isEqualTo(response);
    RecommendedItem item = parsed.getItems(0);
    assertThat(item.getPredictionsOrThrow("click")).isEqualTo(0.12);
    assertThat(item.getRoutes(0).getViaId()).isEqualTo("anchor-7");
    assertThat(item.getExplanation().getTermsList()).hasSize(3);
    assertThat(parsed.getDegradationFlagsList())
        .containsExactly(DegradationFlag.DEGRADATION_FLAG_ROUTE_DROPPED);
    assertThat(parsed.getModel().getTargets(1).getParentsList()).containsExactly("click");
  }

  @Test
  void recallAndRankMessagesRoundTrip() throws InvalidProtocolBufferException {
    RecallResponse recall =
        RecallResponse.newBuilder()
            .addCandidates(
                RecallCandidate.newBuilder()
                    .setAnchorId("anchor-1")
                    .setScore(0.8)
                    .setCategory("beauty")
                    .addProvenance(
                        RouteProvenance.newBuilder().setRoute("U2F").setScore(1.0).setRank(1)))
            .addRouteOutcomes(
                RouteOutcome.newBuilder()
                    .setRoute("vector")
                    .setStatus(RouteStatus.ROUTE_STATUS_DROPPED_DEADLINE)
                    .setLatencyMicros(15_000)
                    .setDetail("time limit 15ms"))
            .addDegradationFlags(DegradationFlag.DEGRADATION_FLAG_ROUTE_DROPPED)
            .addArtifacts(
                ArtifactVersion.newBuilder()
                    .setName("relations")
                    .setVersion("r-20261101")
                    .setDataWindow(DataWindow.newBuilder().setStartTime(1).setEndTime(2)))
            .setDebug(RecallDebug.newBuilder().setRemovedNotLive(4))
            .build();
    RankRequest rank =
        RankRequest.newBuilder()
            .setUserId("user-1")
            .setScenario("swipe")
            .setReferAnchorId("anchor-9")
            .addCandidates(
                RankCandidate.newBuilder()
                    .setAnchorId("anchor-1")
                    .setRecallScore(0.8)
                    .addAllProvenance(recall.getCandidates(0).getProvenanceList()))
            .build();

    assertThat(RecallResponse.parseFrom(recall.toByteArray())).isEqualTo(recall);
    assertThat(RankRequest.parseFrom(rank.toByteArray())).isEqualTo(rank);
  }

  @Test
  void eventBatchWithBothPayloadsRoundTrips() throws InvalidProtocolBufferException {
    EventBatch batch =
        EventBatch.newBuilder()
            .addEvents(
                Event.newBuilder()
                    .setImpression(
                        Impression.newBuilder()
                            .setUserId("user-1")
                            .setAnchorId("anchor-1")
                            .setScenario("channel")
                            .setPosition(1)
                            .setRequestId("req-1")
                            .setEventTime(1_700_000_000L)))
            .addEvents(
                Event.newBuilder()
                    .setBehaviour(
                        Behaviour.newBuilder()
                            .setUserId("user-1")
                            .setAnchorId("anchor-1")
                            .setItemId("item-3")
                            .setType(BehaviourType.BEHAVIOUR_TYPE_PURCHASE)
                            .setValue(59.9)
                            .setEventTime(1_700_000_100L)))
            .build();

    EventBatch parsed = EventBatch.parseFrom(batch.toByteArray());

    assertThat(parsed).isEqualTo(batch);
    assertThat(parsed.getEvents(0).getPayloadCase()).isEqualTo(Event.PayloadCase.IMPRESSION);
    assertThat(parsed.getEvents(1).getPayloadCase()).isEqualTo(Event.PayloadCase.BEHAVIOUR);
  }

  @Test
  void aFieldAddedLaterIsCarriedAsUnknownAndTheKnownFieldsStillRead() throws IOException {
    RecommendRequest request =
        RecommendRequest.newBuilder().setUserId("user-1").setScenario("tab").setCount(10).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    request.writeTo(bytes);
    CodedOutputStream newerWriter = CodedOutputStream.newInstance(bytes);
    newerWriter.writeString(200, "a field from a later v1 revision");
    newerWriter.flush();

    RecommendRequest parsed = RecommendRequest.parseFrom(bytes.toByteArray());

    assertThat(parsed.getUserId()).isEqualTo("user-1");
    assertThat(parsed.getScenario()).isEqualTo("tab");
    assertThat(parsed.getCount()).isEqualTo(10);
    assertThat(parsed.getUnknownFields().hasField(200)).isTrue();
  }

  @Test
  void anEnumValueAddedLaterReadsAsUnrecognizedNotAsAnError()
      throws InvalidProtocolBufferException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      CodedOutputStream writer = CodedOutputStream.newInstance(bytes);
      writer.writeEnum(RecommendResponse.DEGRADATION_FLAGS_FIELD_NUMBER, 999);
      writer.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }

    RecommendResponse parsed = RecommendResponse.parseFrom(bytes.toByteArray());

    assertThat(parsed.getDegradationFlagsList()).containsExactly(DegradationFlag.UNRECOGNIZED);
    assertThat(parsed.getDegradationFlagsValueList()).containsExactly(999);
  }
}
