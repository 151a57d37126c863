package io.onair.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onair.cli.OnAirCommand;
import io.onair.gateway.config.GatewayConfigLoader;
import io.onair.proto.v1.GatewayServiceGrpc;
import io.onair.proto.v1.RankingServiceGrpc;
import io.onair.proto.v1.RecallServiceGrpc;
import io.onair.ranking.serving.config.RankingConfigLoader;
import io.onair.recall.config.RecallConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The Kubernetes manifests agree with the services they run: every container's arguments parse as
 * the real command line, the ports in the arguments are the container, Service and probe ports and
 * the commands' own defaults, the probes ask gRPC health for the right service, the configuration
 * files in the ConfigMap load with the services' own loaders (an unknown key fails there), the
 * gateway's upstream addresses are the recall and ranking Services. No cluster is needed.
 */
class KubernetesManifestsTest {
  private static final Path K8S = Path.of("k8s");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, String> GRPC_SERVICE =
      Map.of(
          "gateway", GatewayServiceGrpc.SERVICE_NAME,
          "recall", RecallServiceGrpc.SERVICE_NAME,
          "ranking", RankingServiceGrpc.SERVICE_NAME);

  private static final Map<String, List<JsonNode>> byKind = new HashMap<>();

  @BeforeAll
  static void readManifests() throws IOException {
    try (Stream<Path> files = Files.list(K8S)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (var documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (documents.hasNext()) {
            JsonNode document = (JsonNode) documents.next();
            if (document != null && !document.isEmpty()) {
              byKind
                  .computeIfAbsent(document.path("kind").asText(), k -> new ArrayList<>())
                  .add(document);
            }
          }
        }
      }
    }
  }

  @Test
  void kustomizationListsEveryManifestAndOnlyExistingOnes() throws IOException {
    JsonNode kustomization = only("Kustomization", null);
    List<String> resources = new ArrayList<>();
    kustomization.path("resources").forEach(r -> resources.add(r.asText()));
    try (Stream<Path> files = Files.list(K8S)) {
      List<String> manifests =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
              .toList();
      assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "recall", "ranking"})
  void deploymentServiceProbesAndCommandAgree(String name) {
    JsonNode deployment = only("Deployment", "onair-" + name);
    JsonNode pod = deployment.path("spec").path("template");
    JsonNode container = pod.path("spec").path("containers").get(0);
    ParseResult serve = parse(container);
    assertThat(serve.commandSpec().qualifiedName(" ")).isEqualTo("onair serve " + name);

    int port = Integer.parseInt(option(serve, "--port"));
    int metricsPort = Integer.parseInt(option(serve, "--metrics-port"));
    assertThat(serve.commandSpec().findOption("--port").defaultValue())
        .as("the image runs the same without --port")
        .isEqualTo(String.valueOf(port));
    assertThat(serve.commandSpec().findOption("--metrics-port").defaultValue())
        .isEqualTo(String.valueOf(metricsPort));
    assertThat(containerPort(container, "grpc")).isEqualTo(port);
    assertThat(containerPort(container, "metrics")).isEqualTo(metricsPort);
    assertThat(pod.path("metadata").path("annotations").path("prometheus.io/port").asText())
        .isEqualTo(String.valueOf(metricsPort));

    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      JsonNode grpc = container.path(probe).path("grpc");
      assertThat(grpc.path("port").asInt()).as(probe + " port").isEqualTo(port);
    }
    for (String probe : List.of("startupProbe", "readinessProbe")) {
      assertThat(container.path(probe).path("grpc").path("service").asText())
          .as(probe + " asks health for the service itself")
          .isEqualTo(GRPC_SERVICE.get(name));
    }

    JsonNode resources = container.path("resources");
    for (String resource : List.of("cpu", "memory")) {
      double request = quantity(resources.path("requests").path(resource).asText());
      double limit = quantity(resources.path("limits").path(resource).asText());
      assertThat(request).as(resource + " request").isPositive().isLessThanOrEqualTo(limit);
    }

    JsonNode service = only("Service", "onair-" + name);
    assertThat(service.path("spec").path("selector"))
        .isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
    assertThat(pod.path("metadata").path("labels").path("app.kubernetes.io/name").asText())
        .isEqualTo("onair-" + name);
    assertThat(servicePort(service, "grpc")).isEqualTo(port);
    assertThat(servicePort(service, "metrics")).isEqualTo(metricsPort);

    JsonNode autoscaler = only("HorizontalPodAutoscaler", "onair-" + name);
    JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
    assertThat(target.path("kind").asText()).isEqualTo("Deployment");
    assertThat(target.path("name").asText()).isEqualTo("onair-" + name);
    assertThat(autoscaler.path("spec").path("minReplicas").asInt())
        .isPositive()
        .isLessThanOrEqualTo(autoscaler.path("spec").path("maxReplicas").asInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "recall", "ranking"})
  void configurationFilesLoadWithTheServicesOwnLoaders(String name, @TempDir Path temp)
      throws IOException {
    JsonNode container =
        only("Deployment", "onair-" + name).path("spec").path("template").path("spec");
    ParseResult serve = parse(container.path("containers").get(0));
    Path configPath = Path.of(option(serve, "--config"));
    assertThat(mountedConfigMap(container, configPath.getParent().toString()))
        .isEqualTo("onair-config");
    String text =
        only("ConfigMap", "onair-config")
            .path("data")
            .path(configPath.getFileName().toString())
            .asText();
    assertThat(text).as(configPath + " in the ConfigMap").isNotBlank();
    Path file = temp.resolve(configPath.getFileName());
    Files.writeString(file, text);
    loader(name).accept(file);
  }

  @Test
  void theGatewayCallsTheRecallAndRankingServices() {
    ParseResult gateway =
        parse(
            only("Deployment", "onair-gateway")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0));
    for (String upstream : List.of("recall", "ranking")) {
      URI target = URI.create(option(gateway, "--" + upstream));
      String authority =
          target.getPath().isEmpty()
              ? target.getSchemeSpecificPart()
              : target.getPath().substring(1);
      String[] hostPort = authority.split(":");
      assertThat(hostPort[0]).isEqualTo("onair-" + upstream);
      assertThat(Integer.parseInt(hostPort[1]))
          .isEqualTo(servicePort(only("Service", "onair-" + upstream), "grpc"));
    }
  }

  @Test
  void theFeatureLoadJobRunsARealCommand() {
    JsonNode job = only("Job", "onair-features-load");
    ParseResult load =
        parse(job.path("spec").path("template").path("spec").path("containers").get(0));
    assertThat(load.commandSpec().qualifiedName(" ")).isEqualTo("onair features load");
  }

  @Test
  void theImageExposesEveryServicePortAndRunsTheDistributionsLauncher() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    for (String name : GRPC_SERVICE.keySet()) {
      ParseResult serve =
          parse(
              only("Deployment", "onair-" + name)
                  .path("spec")
                  .path("template")
                  .path("spec")
                  .path("containers")
                  .get(0));
      Matcher expose = Pattern.compile("(?m)^EXPOSE (.*)$").matcher(dockerfile);
      assertThat(expose.find()).isTrue();
      assertThat(List.of(expose.group(1).trim().split("\\s+")))
          .contains(option(serve, "--port"), option(serve, "--metrics-port"));
    }
    assertThat(dockerfile).contains("ENTRYPOINT [\"/opt/onair/bin/onair\"]");
    assertThat(Path.of("src/dist/bin/onair")).isExecutable();
  }

  /** Parses the container's arguments with the real command line, env references resolved. */
  private static ParseResult parse(JsonNode container) {
    Map<String, String> env = new HashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      only("ConfigMap", from.path("configMapRef").path("name").asText())
          .path("data")
          .fields()
          .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    }
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    List<String> args = new ArrayList<>();
    for (JsonNode arg : container.path("args")) {
      Matcher reference = Pattern.compile("\\$\\(([A-Z_]+)\\)").matcher(arg.asText());
      StringBuilder resolved = new StringBuilder();
      while (reference.find()) {
        assertThat(env)
            .as("environment of " + container.path("name"))
            .containsKey(reference.group(1));
        reference.appendReplacement(
            resolved, Matcher.quoteReplacement(env.get(reference.group(1))));
      }
      reference.appendTail(resolved);
      args.add(resolved.toString());
    }
    ParseResult result = new CommandLine(new OnAirCommand()).parseArgs(args.toArray(String[]::new));
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return result;
  }

  private static Consumer<Path> loader(String name) {
    return switch (name) {
      case "recall" -> RecallConfigLoader::load;
      case "ranking" -> RankingConfigLoader::load;
      case "gateway" -> GatewayConfigLoader::load;
      default -> throw new AssertionError("no configuration loader known for " + name);
    };
  }

  /** The value given to option {@code name}, as text; the option must be given. */
  private static String option(ParseResult command, String name) {
    assertThat(command.hasMatchedOption(name)).as(name + " is given").isTrue();
    Object value = command.matchedOption(name).getValue();
    return String.valueOf(value);
  }

  private static JsonNode only(String kind, String name) {
    List<JsonNode> matching =
        byKind.getOrDefault(kind, List.of()).stream()
            .filter(d -> name == null || name.equals(d.path("metadata").path("name").asText()))
            .toList();
    assertThat(matching).as(kind + " " + name).hasSize(1);
    return matching.get(0);
  }

  private static int containerPort(JsonNode container, String portName) {
    for (JsonNode port : container.path("ports")) {
      if (port.path("name").asText().equals(portName)) {
        return port.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port named " + portName);
  }

  private static int servicePort(JsonNode service, String portName) {
    for (JsonNode port : service.path("spec").path("ports")) {
      if (port.path("name").asText().equals(portName)) {
        assertThat(port.path("targetPort").asText()).isEqualTo(portName);
        return port.path("port").asInt();
      }
    }
    throw new AssertionError("no service port named " + portName);
  }

  private static String mountedConfigMap(JsonNode podSpec, String mountPath) {
    JsonNode container = podSpec.path("containers").get(0);
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals(mountPath)) {
        for (JsonNode volume : podSpec.path("volumes")) {
          if (volume.path("name").asText().equals(mount.path("name").asText())) {
            return volume.path("configMap").path("name").asText();
          }
        }
      }
    }
    throw new AssertionError("nothing mounted at " + mountPath);
  }

  /** A Kubernetes quantity ("500m", "2", "3Gi", "512Mi") as a number of cores or bytes. */
  private static double quantity(String text) {
    Matcher m = Pattern.compile("([0-9.]+)(m|Ki|Mi|Gi)?").matcher(text);
    assertThat(m.matches()).as("quantity '" + text + "'").isTrue();
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2);
    return switch (unit) {
      case "m" -> value / 1000;
      case "Ki" -> value * 1024;
      case "Mi" -> value * 1024 * 1024;
      case "Gi" -> value * 1024 * 1024 * 1024;
      default -> value;
    };
  }
}
