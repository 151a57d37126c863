package io.onair.features.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onair.features.AnchorFeatures;
import io.onair.features.FeatureStoreException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON values of the Redis store: a profile is a JSON object of string features; an anchor is
 * {@code {"category":"music","features":{"lang":"en"}}}. JSON keeps the values readable with
 * redis-cli and lets one MGET return whole anchors.
 *
 * <p>Thread-safe: the mapper is configured once and only used afterwards.
 */
final class FeatureJson {
  private static final String CATEGORY = "category";
  private static final String FEATURES = "features";

  private final ObjectMapper mapper = new ObjectMapper();

  String encodeProfile(Map<String, String> features) {
    return write(sorted(features));
  }

  String encodeAnchor(AnchorFeatures anchor) {
    ObjectNode document = mapper.createObjectNode();
    document.put(CATEGORY, anchor.category());
    document.set(FEATURES, mapper.valueToTree(sorted(anchor.features())));
    return write(document);
  }

  Map<String, String> decodeProfile(String json, String key) {
    return decodeFeatures(read(json, key), key);
  }

  AnchorFeatures decodeAnchor(String anchorId, String json, String key) {
    JsonNode document = read(json, key);
    JsonNode category = document.get(CATEGORY);
    if (category == null || !category.isTextual()) {
      throw invalid(key, "\"" + CATEGORY + "\" is missing or not a string");
    }
    JsonNode features = document.get(FEATURES);
    return new AnchorFeatures(
        anchorId,
        category.textValue(),
        features == null ? Map.of() : decodeFeatures(features, key));
  }

  private Map<String, String> decodeFeatures(JsonNode node, String key) {
    if (!node.isObject()) {
      throw invalid(key, "features are not a JSON object");
    }
    Map<String, String> features = new HashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getValue().isTextual()) {
        throw invalid(key, "feature \"" + field.getKey() + "\" is not a string");
      }
      features.put(field.getKey(), field.getValue().textValue());
    }
    return features;
  }

  private JsonNode read(String json, String key) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new FeatureStoreException(
          "key " + key + " does not hold valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Only strings go in, so this is a bug, not bad input.
      throw new IllegalStateException("cannot encode features as JSON", e);
    }
  }

  /** Sorted keys make equal feature maps equal strings, which keeps values diffable. */
  private static Map<String, String> sorted(Map<String, String> features) {
    return new TreeMap<>(features);
  }

  private static FeatureStoreException invalid(String key, String reason) {
    return new FeatureStoreException("key " + key + " holds unexpected JSON: " + reason);
  }
}
