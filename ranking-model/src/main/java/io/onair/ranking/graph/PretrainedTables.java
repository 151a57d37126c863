package io.onair.ranking.graph;

import static java.util.Objects.requireNonNull;

import io.onair.ranking.features.FeatureVocabulary;
import io.onair.vectors.PretrainedVectors;
import io.onair.vectors.VectorSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pretrained vectors of {@code onair pretrain} aligned with the encoder's codes, as the frozen
 * tables {@code dmr-pretrained} bakes into its graph: row {@code c} of {@code users} holds the
 * vectors of the user with code {@code c} for every modality (concatenated in {@code modalities}
 * order), row {@code c} of {@code anchors} the vector of the anchor with code {@code c}. Row 0 (the
 * unknown code) and rows of ids the pretraining did not see are zero. Immutable (the arrays are not
 * copied: do not mutate them).
 *
 * <p>{@link #align} scales each modality's user vectors so that its dot products with the anchor
 * vectors have a root mean square of 1 over a fixed sample of known pairs: pretrained inner
 * products can be in the tens, and the match tower pools them with a learned dot product that
 * starts near 0. The scales are recorded in {@link #summary}.
 *
 * @param version the pretrained vectors' version id (recorded in the model card)
 * @param modalities the user-vector modalities, in table order
 * @param dimension the width of one vector
 * @param users row-major [{@code userRows}, modalities x dimension]
 * @param userRows the user slot's size (users + 1)
 * @param anchors row-major [{@code anchorRows}, dimension]
 * @param anchorRows the anchor slot's size (anchors + 1)
 * @param knownUsers users with at least one pretrained vector
 * @param knownAnchors anchors with a pretrained vector
 */
public record PretrainedTables(
    String version,
    List<String> modalities,
    int dimension,
    float[] users,
    int userRows,
    float[] anchors,
    int anchorRows,
    int knownUsers,
    int knownAnchors,
    Map<String, Double> modalityScales) {
  /** Known user-anchor pairs sampled per modality to measure the dot products' scale. */
  private static final int SCALE_SAMPLE = 4096;

  public PretrainedTables {
    requireNonNull(version, "version is null");
    modalities = List.copyOf(requireNonNull(modalities, "modalities is null"));
    requireNonNull(users, "users is null");
    requireNonNull(anchors, "anchors is null");
    modalityScales = Map.copyOf(requireNonNull(modalityScales, "modalityScales is null"));
    if (modalities.isEmpty() || dimension < 1) {
      throw new IllegalArgumentException("pretrained tables need modalities and a dimension >= 1");
    }
    if ((long) userRows * modalities.size() * dimension != users.length
        || (long) anchorRows * dimension != anchors.length) {
      throw new IllegalArgumentException("pretrained table sizes do not match their shapes");
    }
  }

  /** What the model card records about the tables. */
  public java.util.Map<String, Object> summary() {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("version", version);
    map.put("modalities", modalities);
    map.put("dimension", dimension);
    map.put("known_users", knownUsers);
    map.put("user_rows", userRows);
    map.put("known_anchors", knownAnchors);
    map.put("anchor_rows", anchorRows);
    map.put("table_bytes", 4L * (users.length + (long) anchors.length));
    map.put("modality_scales", new java.util.TreeMap<>(modalityScales));
    return map;
  }

  /**
   * The current pretrained vectors of {@code vectors} laid out on {@code vocabulary}'s user and
   * anchor codes (every modality the version has, in its order); users and anchors the pretraining
   * did not see, and code 0, get zero rows.
   *
   * @throws IllegalArgumentException when the vectors share no user or no anchor with the
   *     vocabulary (they were pretrained on another dataset)
   */
  public static PretrainedTables align(PretrainedVectors vectors, FeatureVocabulary vocabulary) {
    requireNonNull(vectors, "vectors is null");
    requireNonNull(vocabulary, "vocabulary is null");
    List<String> modalities = vectors.modalities();
    int d = vectors.dimension();
    int m = modalities.size();
    List<String> userIds = vocabulary.file().users();
    List<String> anchorIds = vocabulary.file().anchors();
    int userRows = userIds.size() + 1;
    int anchorRows = anchorIds.size() + 1;
    float[] anchors = new float[anchorRows * d];
    VectorSet anchorSet = vectors.anchors();
    List<Integer> knownAnchorRows = new ArrayList<>();
    for (int code = 1; code < anchorRows; code++) {
      int row = anchorSet.row(anchorIds.get(code - 1));
      if (row >= 0) {
        System.arraycopy(anchorSet.data(), row * d, anchors, code * d, d);
        knownAnchorRows.add(code);
      }
    }
    float[] users = new float[userRows * m * d];
    boolean[] known = new boolean[userRows];
    List<List<Integer>> knownByModality = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      VectorSet set = vectors.users(modalities.get(k));
      List<Integer> knownRows = new ArrayList<>();
      for (int code = 1; code < userRows; code++) {
        int row = set.row(userIds.get(code - 1));
        if (row >= 0) {
          System.arraycopy(set.data(), row * d, users, (code * m + k) * d, d);
          known[code] = true;
          knownRows.add(code);
        }
      }
      knownByModality.add(knownRows);
    }
    int knownUsers = 0;
    for (boolean k : known) {
      knownUsers += k ? 1 : 0;
    }
    if (knownUsers == 0 || knownAnchorRows.isEmpty()) {
      throw new IllegalArgumentException(
          "pretrained vectors "
              + vectors.version()
              + " share no "
              + (knownUsers == 0 ? "user" : "anchor")
              + " with the training data: were they pretrained on another dataset?");
    }
    Map<String, Double> scales = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(17);
    for (int k = 0; k < m; k++) {
      List<Integer> knownRows = knownByModality.get(k);
      double scale = 1.0;
      if (!knownRows.isEmpty()) {
        double squares = 0;
        for (int s = 0; s < SCALE_SAMPLE; s++) {
          int user = knownRows.get(random.nextInt(knownRows.size()));
          int anchor = knownAnchorRows.get(random.nextInt(knownAnchorRows.size()));
          double dot = 0;
          for (int j = 0; j < d; j++) {
            dot += (double) users[(user * m + k) * d + j] * anchors[anchor * d + j];
          }
          squares += dot * dot;
        }
        double rms = Math.sqrt(squares / SCALE_SAMPLE);
        scale = rms > 1e-12 ? 1.0 / rms : 1.0;
        for (int user : knownRows) {
          for (int j = 0; j < d; j++) {
            users[(user * m + k) * d + j] *= (float) scale;
          }
        }
      }
      scales.put(modalities.get(k), scale);
    }
    return new PretrainedTables(
        vectors.version(),
        modalities,
        d,
        users,
        userRows,
        anchors,
        anchorRows,
        knownUsers,
        knownAnchorRows.size(),
        scales);
  }

  /** Width of one user row: every modality's vector. */
  public int userWidth() {
    return modalities.size() * dimension;
  }
}
