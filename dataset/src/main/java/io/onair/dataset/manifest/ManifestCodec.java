package io.onair.dataset.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onair.dataset.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code manifest.json}; every problem becomes a {@link DatasetException}. */
public final class ManifestCodec {
  public static final String FILE_NAME = "manifest.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestCodec() {}

  public static DatasetManifest read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new DatasetException(FILE_NAME, "missing: a dataset directory needs a manifest.json");
    } catch (JsonProcessingException e) {
      throw new DatasetException(
          FILE_NAME,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DatasetException(FILE_NAME, "cannot be read: " + e.getMessage());
    }
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new DatasetException(FILE_NAME, e.getMessage());
    }
  }

  public static DatasetManifest parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the manifest must be a JSON object");
    }
    String format = text(root, "format", true);
    String name = text(root, "name", true);
    List<TargetSpec> targets = new ArrayList<>();
    for (JsonNode node : array(root, "targets", true)) {
      String targetName = text(node, "name", true);
      List<String> parents = new ArrayList<>();
      for (JsonNode parent : array(node, "parents", false)) {
        parents.add(parent.asText());
      }
      String kind = text(node, "kind", false);
      targets.add(
          new TargetSpec(
              targetName,
              parents,
              kind == null ? TargetKind.defaultFor(targetName) : TargetKind.parse(kind)));
    }
    List<String> scenarios = new ArrayList<>();
    for (JsonNode scenario : array(root, "scenarios", true)) {
      scenarios.add(scenario.asText());
    }
    List<FeatureSpec> features = new ArrayList<>();
    for (JsonNode node : array(root, "features", false)) {
      features.add(
          new FeatureSpec(
              text(node, "name", true),
              DatasetFile.byFileName(text(node, "file", true)),
              FeatureType.parse(text(node, "type", true))));
    }
    return new DatasetManifest(
        format,
        name,
        Optional.ofNullable(text(root, "description", false)),
        Optional.ofNullable(text(root, "source", false)),
        targets,
        scenarios,
        features);
  }

  public static void write(DatasetManifest manifest, Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(
          directory.resolve(FILE_NAME), toJson(manifest) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DatasetException(FILE_NAME, "cannot be written: " + e.getMessage());
    }
  }

  public static String toJson(DatasetManifest manifest) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", manifest.format());
    root.put("name", manifest.name());
    manifest.description().ifPresent(d -> root.put("description", d));
    manifest.source().ifPresent(s -> root.put("source", s));
    ArrayNode scenarios = root.putArray("scenarios");
    manifest.scenarios().forEach(scenarios::add);
    ArrayNode targets = root.putArray("targets");
    for (TargetSpec target : manifest.targets()) {
      ObjectNode node = targets.addObject();
      node.put("name", target.name());
      ArrayNode parents = node.putArray("parents");
      target.parents().forEach(parents::add);
      node.put("kind", target.kind().wireName());
    }
    ArrayNode features = root.putArray("features");
    for (FeatureSpec feature : manifest.features()) {
      ObjectNode node = features.addObject();
      node.put("name", feature.name());
      node.put("file", feature.file().fileName());
      node.put("type", feature.type().wireName());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException("missing field \"" + field + "\"");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field \"" + field + "\" must be a string");
    }
    return value.asText();
  }

  private static Iterable<JsonNode> array(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException("missing field \"" + field + "\"");
      }
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("field \"" + field + "\" must be an array");
    }
    return value;
  }
}
