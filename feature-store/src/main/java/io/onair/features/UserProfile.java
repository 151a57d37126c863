package io.onair.features;

import java.util.Map;

/**
 * The static features of one user (country, age bucket, device, ...), as strings.
 *
 * @param userId non-empty user id
 * @param features feature name to value; an empty map is allowed
 */
public record UserProfile(String userId, Map<String, String> features) {
  public UserProfile {
    FeatureArguments.requireId(userId, "userId");
    features = FeatureArguments.copyFeatures(features, "features");
  }
}
