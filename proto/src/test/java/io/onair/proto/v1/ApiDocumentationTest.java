package io.onair.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/api.md keeps up with the protos: every rpc and every value a client must handle. */
class ApiDocumentationTest {
  private static String apiDoc;

  @BeforeAll
  static void readDoc() throws IOException {
    apiDoc = Files.readString(RepositoryPaths.resolve("docs/api.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everyRpcHasASectionAndAGrpcurlExample() {
    List<String> undocumented = new ArrayList<>();
    for (ServiceDescriptor service :
        List.of(
            GatewayServiceGrpc.getServiceDescriptor(),
            RecallServiceGrpc.getServiceDescriptor(),
            RankingServiceGrpc.getServiceDescriptor(),
            EventServiceGrpc.getServiceDescriptor())) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        String fullName = method.getFullMethodName();
        if (!apiDoc.contains("### `" + fullName + "`")) {
          undocumented.add("section ### `" + fullName + "`");
        }
        if (!apiDoc.contains(" " + fullName + "\n") && !apiDoc.contains(" " + fullName + " ")) {
          undocumented.add("grpcurl example calling " + fullName);
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void everyValueAClientMustHandleIsExplained() {
    List<String> undocumented = new ArrayList<>();
    for (EnumDescriptor enumType :
        List.of(
            DegradationFlag.getDescriptor(),
            RouteStatus.getDescriptor(),
            BehaviourType.getDescriptor(),
            TargetKind.getDescriptor())) {
      for (EnumValueDescriptor value : enumType.getValues()) {
        if (value.getNumber() != 0 && !apiDoc.contains("`" + value.getName() + "`")) {
          undocumented.add(value.getFullName());
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void everyRequestFieldIsExplained() {
    List<String> undocumented = new ArrayList<>();
    for (FileDescriptor file :
        List.of(
            RecallProto.getDescriptor(),
            RankingProto.getDescriptor(),
            GatewayProto.getDescriptor(),
            EventsProto.getDescriptor())) {
      for (var message : file.getMessageTypes()) {
        boolean isInput =
            file.getServices().stream()
                .flatMap(s -> s.getMethods().stream())
                .anyMatch(m -> m.getInputType().equals(message));
        if (!isInput) {
          continue;
        }
        for (var field : message.getFields()) {
          if (!apiDoc.contains("`" + field.getName() + "`")) {
            undocumented.add(field.getFullName());
          }
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }
}
