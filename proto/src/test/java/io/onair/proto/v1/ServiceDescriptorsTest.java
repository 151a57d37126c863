package io.onair.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServiceDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four services expose exactly the rpcs apps and the other services are written against. */
class ServiceDescriptorsTest {

  @Test
  void recallServiceHasRecall() {
    ServiceDescriptor service = RecallServiceGrpc.getServiceDescriptor();

    assertThat(service.getName()).isEqualTo("onair.v1.RecallService");
    assertThat(fullMethodNames(service)).containsExactly("onair.v1.RecallService/Recall");
    assertUnary(RecallServiceGrpc.getRecallMethod(), "onair.v1.RecallService/Recall");
  }

  @Test
  void rankingServiceHasRank() {
    ServiceDescriptor service = RankingServiceGrpc.getServiceDescriptor();

    assertThat(service.getName()).isEqualTo("onair.v1.RankingService");
    assertThat(fullMethodNames(service)).containsExactly("onair.v1.RankingService/Rank");
    assertUnary(RankingServiceGrpc.getRankMethod(), "onair.v1.RankingService/Rank");
  }

  @Test
  void gatewayServiceHasRecommend() {
    ServiceDescriptor service = GatewayServiceGrpc.getServiceDescriptor();

    assertThat(service.getName()).isEqualTo("onair.v1.GatewayService");
    assertThat(fullMethodNames(service)).containsExactly("onair.v1.GatewayService/Recommend");
    assertUnary(GatewayServiceGrpc.getRecommendMethod(), "onair.v1.GatewayService/Recommend");
  }

  @Test
  void eventServiceHasUnarySendAndClientStreamingStream() {
    ServiceDescriptor service = EventServiceGrpc.getServiceDescriptor();

    assertThat(service.getName()).isEqualTo("onair.v1.EventService");
    assertThat(fullMethodNames(service))
        .containsExactlyInAnyOrder("onair.v1.EventService/Send", "onair.v1.EventService/Stream");
    assertUnary(EventServiceGrpc.getSendMethod(), "onair.v1.EventService/Send");
    assertThat(EventServiceGrpc.getStreamMethod().getType()).isEqualTo(MethodType.CLIENT_STREAMING);
  }

  @Test
  void protobufDescriptorsNameTheRequestAndResponseMessages() {
    assertThat(signature(RecallProto.getDescriptor().findServiceByName("RecallService")))
        .containsExactly("Recall(RecallRequest) returns (RecallResponse)");
    assertThat(signature(RankingProto.getDescriptor().findServiceByName("RankingService")))
        .containsExactly("Rank(RankRequest) returns (RankResponse)");
    assertThat(signature(GatewayProto.getDescriptor().findServiceByName("GatewayService")))
        .containsExactly("Recommend(RecommendRequest) returns (RecommendResponse)");
    assertThat(signature(EventsProto.getDescriptor().findServiceByName("EventService")))
        .containsExactly(
            "Send(EventBatch) returns (EventAck)", "Stream(stream Event) returns (EventAck)");
  }

  @Test
  void everyFileIsInPackageOnairV1WithTheJavaPackage() {
    for (var file :
        List.of(
            CommonProto.getDescriptor(),
            RecallProto.getDescriptor(),
            RankingProto.getDescriptor(),
            GatewayProto.getDescriptor(),
            EventsProto.getDescriptor())) {
      assertThat(file.getPackage()).as(file.getName()).isEqualTo("onair.v1");
      assertThat(file.getOptions().getJavaPackage())
          .as(file.getName())
          .isEqualTo("io.onair.proto.v1");
      assertThat(file.getOptions().getJavaMultipleFiles()).as(file.getName()).isTrue();
    }
  }

  private static List<String> fullMethodNames(ServiceDescriptor service) {
    return service.getMethods().stream().map(MethodDescriptor::getFullMethodName).toList();
  }

  private static void assertUnary(MethodDescriptor<?, ?> method, String fullName) {
    assertThat(method.getFullMethodName()).isEqualTo(fullName);
    assertThat(method.getType()).isEqualTo(MethodType.UNARY);
  }

  private static List<String> signature(com.google.protobuf.Descriptors.ServiceDescriptor service) {
    return service.getMethods().stream()
        .map(
            method ->
                method.getName()
                    + "("
                    + (method.isClientStreaming() ? "stream " : "")
                    + method.getInputType().getName()
                    + ") returns ("
                    + (method.isServerStreaming() ? "stream " : "")
                    + method.getOutputType().getName()
                    + ")")
        .toList();
  }
}
