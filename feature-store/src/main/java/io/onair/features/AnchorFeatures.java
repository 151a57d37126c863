package io.onair.features;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The features of one anchor (streamer): the content category and other features as strings.
 *
 * @param anchorId non-empty anchor id
 * @param category content category; not null, may be empty when unknown
 * @param features feature name to value; an empty map is allowed
 */
public record AnchorFeatures(String anchorId, String category, Map<String, String> features) {
  public AnchorFeatures {
    FeatureArguments.requireId(anchorId, "anchorId");
    requireNonNull(category, "category is null");
    features = FeatureArguments.copyFeatures(features, "features");
  }
}
