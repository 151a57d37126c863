package io.onair.recall.vector;

import static java.util.Objects.requireNonNull;

import io.onair.features.UserVectors;
import io.onair.recall.route.RecallRoute;
import io.onair.recall.route.RouteCandidate;
import io.onair.recall.route.RouteContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * VEC_&lt;MODALITY&gt;: the live anchors whose pretrained vectors have the largest inner product
 * with the user's vector of one modality (VEC_PROFILE, VEC_U2F, VEC_U2A, VEC_U2A2A, VEC_U2I2A,
 * VEC_U2I2I2A), scored by that inner product. Skipped when the user has no vector of the modality
 * or the user's vectors are of another pretraining version than the anchors'. Thread-safe.
 */
public final class VectorRoute implements RecallRoute {
  /** The route names' prefix. */
  public static final String PREFIX = "VEC_";

  private final String modality;
  private final String name;
  private final VectorRecall recall;

  public VectorRoute(String modality, VectorRecall recall) {
    this.modality = requireNonNull(modality, "modality is null");
    this.recall = requireNonNull(recall, "recall is null");
    this.name = routeName(modality);
  }

  /** The route of a modality: "U2F" gives VEC_U2F, "profile" gives VEC_PROFILE. */
  public static String routeName(String modality) {
    return PREFIX + modality.toUpperCase(Locale.ROOT);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean needsUserVectors() {
    return true;
  }

  @Override
  public Optional<String> skipReason(RouteContext context) {
    UserVectors vectors = context.userVectors();
    if (vectors.isEmpty()) {
      return Optional.of("the user has no pretrained vectors");
    }
    if (!recall.version().equals(vectors.version())) {
      return Optional.of(
          "the user's vectors are version "
              + vectors.version()
              + ", the anchors' "
              + recall.version());
    }
    float[] vector = vectors.vector(modality);
    if (vector == null) {
      return Optional.of("the user has no " + modality + " vector");
    }
    if (vector.length != recall.dimension()) {
      return Optional.of(
          "the user's "
              + modality
              + " vector has dimension "
              + vector.length
              + ", the anchors' "
              + recall.dimension());
    }
    return Optional.empty();
  }

  @Override
  public List<RouteCandidate> recall(RouteContext context) {
    return recall.search(context.userVectors().vector(modality), context.limit(), context.filter());
  }
}
