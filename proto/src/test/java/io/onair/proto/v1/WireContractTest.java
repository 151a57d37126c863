package io.onair.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire contract of onair.v1: every field's number, label and type, every enum value's
 * number and every rpc's signature, against {@code onair/v1/wire-contract.txt}.
 *
 * <p>Apps compiled against an older v1 must keep working, so a published line may never change or
 * disappear. A new field, value or rpc is added to the file in the same commit (the current dump is
 * written to {@code target/wire-contract.actual.txt} to copy from).
 */
class WireContractTest {
  private static final List<FileDescriptor> FILES =
      List.of(
          CommonProto.getDescriptor(),
          RecallProto.getDescriptor(),
          RankingProto.getDescriptor(),
          GatewayProto.getDescriptor(),
          EventsProto.getDescriptor());

  @Test
  void noPublishedFieldValueOrRpcChangedOrDisappeared() throws IOException {
    Set<String> actual = dump();
    writeActual(actual);

    Set<String> missing = new TreeSet<>(published());
    missing.removeAll(actual);

    assertThat(missing)
        .as(
            "published wire contract lines that changed or disappeared (breaking for apps;"
                + " add instead, and mark removed fields `reserved`)")
        .isEmpty();
  }

  @Test
  void everyFieldValueAndRpcIsRecordedInTheContract() throws IOException {
    Set<String> unrecorded = dump();
    unrecorded.removeAll(published());

    assertThat(unrecorded)
        .as(
            "additions not yet recorded in src/test/resources/onair/v1/wire-contract.txt"
                + " (copy them from target/wire-contract.actual.txt)")
        .isEmpty();
  }

  private static Set<String> published() throws IOException {
    try (InputStream in =
        WireContractTest.class.getResourceAsStream("/onair/v1/wire-contract.txt")) {
      assertThat(in).as("onair/v1/wire-contract.txt on the test class path").isNotNull();
      Set<String> lines = new TreeSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          lines.add(trimmed);
        }
      }
      return lines;
    }
  }

  private static void writeActual(Set<String> lines) throws IOException {
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("wire-contract.actual.txt"), lines, StandardCharsets.UTF_8);
    }
  }

  private static Set<String> dump() {
    Set<String> lines = new TreeSet<>();
    for (FileDescriptor file : FILES) {
      for (Descriptor message : file.getMessageTypes()) {
        dumpMessage(message, lines);
      }
      for (EnumDescriptor enumType : file.getEnumTypes()) {
        dumpEnum(enumType, lines);
      }
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor method : service.getMethods()) {
          lines.add(
              "rpc %s/%s(%s%s) returns (%s%s)"
                  .formatted(
                      service.getFullName(),
                      method.getName(),
                      method.isClientStreaming() ? "stream " : "",
                      method.getInputType().getFullName(),
                      method.isServerStreaming() ? "stream " : "",
                      method.getOutputType().getFullName()));
        }
      }
    }
    return lines;
  }

  private static void dumpMessage(Descriptor message, Set<String> lines) {
    for (FieldDescriptor field : message.getFields()) {
      List<String> parts = new ArrayList<>();
      parts.add(
          "field " + message.getFullName() + "." + field.getName() + " = " + field.getNumber());
      parts.add(field.isRepeated() ? "repeated" : "singular");
      parts.add(typeName(field));
      if (field.getRealContainingOneof() != null) {
        parts.add("oneof " + field.getRealContainingOneof().getName());
      }
      lines.add(String.join(" ", parts));
    }
    for (Descriptor nested : message.getNestedTypes()) {
      dumpMessage(nested, lines);
    }
    for (EnumDescriptor nested : message.getEnumTypes()) {
      dumpEnum(nested, lines);
    }
  }

  private static void dumpEnum(EnumDescriptor enumType, Set<String> lines) {
    for (EnumValueDescriptor value : enumType.getValues()) {
      lines.add(
          "value " + enumType.getFullName() + "." + value.getName() + " = " + value.getNumber());
    }
  }

  private static String typeName(FieldDescriptor field) {
    return switch (field.getType()) {
      case MESSAGE, GROUP -> field.getMessageType().getFullName();
      case ENUM -> field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
