package io.onair.pretrain.sequences;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.Dataset;
import io.onair.dataset.columnar.FeatureColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model's input vocabulary: one id space for every sequence element, and the side information
 * of each id. Token ids:
 *
 * <pre>
 *   0                          padding
 *   1 .. M                     one token per modality, first in every sequence
 *   M+1 .. M+A                 anchors (dataset anchor index + M + 1)
 *   M+A+1 ..                   profile tokens: one per (categorical user feature, value)
 * </pre>
 *
 * Side ids: 0 none (padding and modality tokens), {@code 1 + category} for an anchor (its
 * category), {@code 1 + categories + feature} for a profile token (its feature). Immutable and
 * thread-safe.
 */
public final class TokenSpace {
  public static final int PADDING = 0;

  private final int anchors;
  private final int categories;
  private final List<String> profileTokens;
  private final int[] userProfiles;
  private final int[] userProfileOffsets;
  private final int[] side;
  private final int sideSize;

  private TokenSpace(
      int anchors,
      int categories,
      List<String> profileTokens,
      int[] profileFeatureOf,
      int features,
      int[] anchorCategory,
      int[] userProfileOffsets,
      int[] userProfiles) {
    this.anchors = anchors;
    this.categories = categories;
    this.profileTokens = List.copyOf(profileTokens);
    this.userProfileOffsets = userProfileOffsets;
    this.userProfiles = userProfiles;
    int size = 1 + Modality.count() + anchors + profileTokens.size();
    side = new int[size];
    for (int a = 0; a < anchors; a++) {
      side[anchorToken(a)] = 1 + anchorCategory[a];
    }
    for (int p = 0; p < profileTokens.size(); p++) {
      side[profileToken(p)] = 1 + categories + profileFeatureOf[p];
    }
    sideSize = 1 + categories + features;
  }

  /**
   * The token space of {@code dataset}: its anchors with their categories, and a profile token for
   * every value of every categorical (or list) user feature. Numeric user features are not tokens.
   */
  public static TokenSpace of(Dataset dataset) {
    requireNonNull(dataset, "dataset is null");
    List<String> tokens = new ArrayList<>();
    List<Integer> featureOf = new ArrayList<>();
    int features = 0;
    int users = dataset.userCount();
    List<List<Integer>> byUser = new ArrayList<>(users);
    for (int u = 0; u < users; u++) {
      byUser.add(new ArrayList<>(4));
    }
    for (FeatureColumn column : dataset.userFeatures()) {
      int base = tokens.size();
      if (column instanceof FeatureColumn.Categorical c) {
        for (String value : c.vocabulary().ids()) {
          tokens.add(c.name() + "=" + value);
          featureOf.add(features);
        }
        for (int u = 0; u < users; u++) {
          if (c.codes()[u] >= 0) {
            byUser.get(u).add(base + c.codes()[u]);
          }
        }
        features++;
      } else if (column instanceof FeatureColumn.TokenList l) {
        for (String value : l.vocabulary().ids()) {
          tokens.add(l.name() + "=" + value);
          featureOf.add(features);
        }
        for (int u = 0; u < users; u++) {
          for (int i = l.offsets()[u]; i < l.offsets()[u + 1]; i++) {
            byUser.get(u).add(base + l.tokens()[i]);
          }
        }
        features++;
      }
    }
    int[] offsets = new int[users + 1];
    for (int u = 0; u < users; u++) {
      offsets[u + 1] = offsets[u] + byUser.get(u).size();
    }
    int[] flat = new int[offsets[users]];
    for (int u = 0; u < users; u++) {
      List<Integer> own = byUser.get(u);
      for (int k = 0; k < own.size(); k++) {
        flat[offsets[u] + k] = own.get(k);
      }
    }
    return new TokenSpace(
        dataset.anchorCount(),
        dataset.categories().size(),
        tokens,
        featureOf.stream().mapToInt(Integer::intValue).toArray(),
        features,
        dataset.anchorCategory(),
        offsets,
        flat);
  }

  /** The number of token ids, padding included. */
  public int size() {
    return side.length;
  }

  /** The number of side ids, "none" included. */
  public int sideSize() {
    return sideSize;
  }

  public int anchorCount() {
    return anchors;
  }

  public int categoryCount() {
    return categories;
  }

  public int modalityToken(Modality modality) {
    return 1 + modality.ordinal();
  }

  public int anchorToken(int anchor) {
    return 1 + Modality.count() + anchor;
  }

  public int profileToken(int profileIndex) {
    return 1 + Modality.count() + anchors + profileIndex;
  }

  /** The profile tokens' names ({@code feature=value}), by profile index. */
  public List<String> profileTokenNames() {
    return profileTokens;
  }

  /** The side id of every token id (a copy). */
  public int[] sides() {
    return side.clone();
  }

  /** The side id of each anchor (its category + 1), by anchor index. */
  public int[] anchorSides() {
    int[] out = new int[anchors];
    for (int a = 0; a < anchors; a++) {
      out[a] = side[anchorToken(a)];
    }
    return out;
  }

  /** The profile token ids of a user (dataset user index), in feature order. */
  public int[] profileTokensOf(int user) {
    int[] out =
        Arrays.copyOfRange(userProfiles, userProfileOffsets[user], userProfileOffsets[user + 1]);
    for (int k = 0; k < out.length; k++) {
      out[k] = profileToken(out[k]);
    }
    return out;
  }
}
