package io.onair.ranking.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The pretrained vectors of {@code onair pretrain} aligned with the encoder's codes, as the frozen
 * tables {@code dmr-pretrained} bakes into its graph: row {@code c} of {@code users} holds the
 * vectors of the user with code {@code c} for every modality (concatenated in {@code modalities}
 * order), row {@code c} of {@code anchors} the vector of the anchor with code {@code c}. Row 0 (the
 * unknown code) and rows of ids the pretraining did not see are zero. Immutable (the arrays are not
 * copied: do not mutate them).
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
    int knownAnchors) {
  public PretrainedTables {
    requireNonNull(version, "version is null");
    modalities = List.copyOf(requireNonNull(modalities, "modalities is null"));
    requireNonNull(users, "users is null");
    requireNonNull(anchors, "anchors is null");
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
    return map;
  }

  /** Width of one user row: every modality's vector. */
  public int userWidth() {
    return modalities.size() * dimension;
  }
}
