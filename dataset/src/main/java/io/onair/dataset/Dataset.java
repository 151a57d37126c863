package io.onair.dataset;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.columnar.FeatureColumn;
import io.onair.dataset.columnar.IdDictionary;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.manifest.TargetGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole {@code onair-dataset/1} dataset in columnar, dictionary-encoded form: ids become dense
 * ints, labels and times primitive arrays. It is what every offline job reads (relations,
 * pretraining, training, evaluation, feature loading), produced by {@link
 * io.onair.dataset.read.DatasetReader} only.
 *
 * <p>Immutable by contract and safe to share between threads: callers must not modify the arrays.
 */
public record Dataset(
    Path directory,
    DatasetManifest manifest,
    TargetGraph targets,
    IdDictionary users,
    IdDictionary anchors,
    IdDictionary items,
    IdDictionary categories,
    List<FeatureColumn> userFeatures,
    List<FeatureColumn> anchorFeatures,
    List<FeatureColumn> itemFeatures,
    int[] anchorCategory,
    int[] itemCategory,
    float[] itemPrice,
    AnchorItems anchorItems,
    Optional<LiveSchedule> liveSchedule,
    Follows follows,
    ItemEvents itemEvents,
    Impressions impressions,
    Optional<float[][]> truth,
    Optional<ReferInterest> referInterest) {

  public Dataset {
    requireNonNull(directory, "directory is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(targets, "targets is null");
    requireNonNull(liveSchedule, "liveSchedule is null");
    requireNonNull(truth, "truth is null");
    requireNonNull(referInterest, "referInterest is null");
  }

  /**
   * The simulator's truth about refer rooms, row-aligned with the impressions: whether the user
   * liked the refer room when the impression's first target was drawn, and the probability of that.
   *
   * @param liked 1 liked, 0 not liked, -1 for a row without a refer room (outside swipe)
   * @param probability P(liked), NaN for a row without a refer room
   */
  public record ReferInterest(byte[] liked, float[] probability) {
    public ReferInterest {
      requireNonNull(liked, "liked is null");
      requireNonNull(probability, "probability is null");
      if (liked.length != probability.length) {
        throw new IllegalArgumentException("liked and probability must have one value per row");
      }
    }

    public int size() {
      return liked.length;
    }
  }

  /** Which anchors sell which items; times are Long.MIN_VALUE / Long.MAX_VALUE when open. */
  public record AnchorItems(int[] anchor, int[] item, long[] startTs, long[] endTs) {
    public int size() {
      return anchor.length;
    }
  }

  /** Follow events: user follows anchor from ts on. */
  public record Follows(int[] user, int[] anchor, long[] ts) {
    public int size() {
      return user.length;
    }
  }

  /** Product interactions outside and inside live rooms. */
  public record ItemEvents(int[] user, int[] item, byte[] action, long[] ts) {
    public int size() {
      return user.length;
    }
  }

  /**
   * Impressions with one label array per target, in the order of {@link Dataset#targets()}.
   *
   * @param scenario index into the manifest's scenarios
   * @param refer the refer anchor, or -1 outside swipe
   * @param request a 64-bit hash of the request_id (rows of one request share it), 0 when the row
   *     has none; a hash rather than a dictionary keeps millions of request ids out of the heap
   */
  public record Impressions(
      long[] ts,
      int[] user,
      int[] anchor,
      byte[] scenario,
      int[] refer,
      int[] position,
      long[] request,
      float[][] labels) {
    public int size() {
      return ts.length;
    }

    public float[] label(int target) {
      return labels[target];
    }
  }

  public int userCount() {
    return users.size();
  }

  public int anchorCount() {
    return anchors.size();
  }

  public int itemCount() {
    return items.size();
  }

  /** The declared user feature of that name, if any. */
  public Optional<FeatureColumn> userFeature(String name) {
    return userFeatures.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The declared anchor feature of that name, if any. */
  public Optional<FeatureColumn> anchorFeature(String name) {
    return anchorFeatures.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** True when anchor is live at ts; a dataset without live_sessions.csv has every anchor live. */
  public boolean isLive(int anchor, long ts) {
    return liveSchedule.map(s -> s.isLive(anchor, ts)).orElse(true);
  }
}
