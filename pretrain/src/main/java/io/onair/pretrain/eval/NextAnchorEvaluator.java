package io.onair.pretrain.eval;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.pretrain.sequences.Modality;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Held-out next-anchor recall of the pretrained vectors against popularity.
 *
 * <p>User protocol (the headline, as {@code onair eval recall}'s): for every test user, one top-K
 * list over every anchor, scored by the inner product of the user vector (as of the start of the
 * held-out days) with each anchor vector; {@code hit_rate@K} is the share of test users with a
 * held-out positive in their top K, {@code recall@K} the mean over users of found / positives.
 * Scorers: each modality's user vector; {@code combined}, the sum of the six modalities' scores
 * (the inner product with the sum of the user vectors); {@code popular}, the training window's most
 * popular anchors (the relations' popularity over all scenarios, what the popular route serves).
 *
 * <p>Live replay (optional): every held-out request with a positive, at its own time, ranking only
 * the anchors live then; a request's hit is a positive of that request in its top K; averaged over
 * requests. Stateless.
 */
public final class NextAnchorEvaluator {
  public static final String COMBINED = "combined";
  public static final String POPULAR = "popular";

  private NextAnchorEvaluator() {}

  /** The figures of one scorer. */
  public record Score(Map<Integer, Double> hitRate, Map<Integer, Double> recall, double coverage) {}

  /**
   * @param users test users
   * @param requests held-out requests replayed (0 without live replay)
   * @param scores scorer name to its figures (user protocol)
   * @param live scorer name to its figures (live replay), empty without it
   * @param best the modality with the highest hit rate at the largest K
   */
  public record Report(
      int users,
      int requests,
      List<Integer> ks,
      Map<String, Score> scores,
      Map<String, Score> live,
      String best) {

    /** The report as JSON: {@code scores.<scorer>.hit_rate@K}, ... */
    public Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("users", users);
      json.put("ks", ks);
      json.put(
          "protocol",
          "user: one top-K list per test user over every anchor, user vectors as of the start of"
              + " the held-out days; positives: every anchor the user clicked (swipe: 10-second"
              + " view) in the held-out days");
      json.put("scores", scoresJson(scores, ks));
      json.put("best_modality", best);
      if (!live.isEmpty()) {
        Map<String, Object> replay = new LinkedHashMap<>();
        replay.put("requests", requests);
        replay.put(
            "protocol",
            "request: every held-out request with a positive at its own time, live anchors only;"
                + " averaged over requests");
        replay.put("scores", scoresJson(live, ks));
        json.put("live_replay", replay);
      }
      return json;
    }

    private static Map<String, Object> scoresJson(Map<String, Score> scores, List<Integer> ks) {
      Map<String, Object> out = new LinkedHashMap<>();
      scores.forEach(
          (name, s) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            for (int k : ks) {
              one.put("hit_rate@" + k, round(s.hitRate().get(k)));
              one.put("recall@" + k, round(s.recall().get(k)));
            }
            one.put("coverage", round(s.coverage()));
            out.put(name, one);
          });
      return out;
    }

    private static double round(double v) {
      return Math.round(v * 1e6) / 1e6;
    }
  }

  /**
   * Evaluates.
   *
   * @param userVectors the test users' vectors, {@code users.length * modalities * d}, in the order
   *     of {@code heldOut.users()}
   * @param hasSequence per test user and modality, whether the sequence had any element
   * @param anchorVectors {@code anchors * d}
   * @param popular anchors by popularity, best first
   * @param ks the cut-offs, ascending
   */
  public static Report evaluate(
      Dataset dataset,
      HeldOutPositives heldOut,
      float[] userVectors,
      boolean[][] hasSequence,
      float[] anchorVectors,
      int dimension,
      int[] popular,
      List<Integer> ks,
      boolean liveReplay,
      Progress progress) {
    requireNonNull(dataset, "dataset is null");
    requireNonNull(heldOut, "heldOut is null");
    int anchors = anchorVectors.length / dimension;
    int modalities = Modality.count();
    List<String> scorers = new ArrayList<>(Modality.wireNames());
    scorers.add(COMBINED);
    scorers.add(POPULAR);
    int kMax = ks.get(ks.size() - 1);
    double[][] hits = new double[scorers.size()][ks.size()];
    double[][] recall = new double[scorers.size()][ks.size()];
    double[][] liveHits = new double[scorers.size()][ks.size()];
    double[][] liveRecall = new double[scorers.size()][ks.size()];
    double[] covered = new double[scorers.size()];
    float[] popularScore = new float[anchors];
    Arrays.fill(popularScore, Float.NEGATIVE_INFINITY);
    for (int r = 0; r < popular.length; r++) {
      popularScore[popular[r]] = popular.length - r;
    }
    Map<Integer, List<HeldOutPositives.Request>> requestsByUser = new LinkedHashMap<>();
    if (liveReplay) {
      for (HeldOutPositives.Request r : heldOut.requests()) {
        requestsByUser.computeIfAbsent(r.user(), u -> new ArrayList<>()).add(r);
      }
    }
    float[][] scores = new float[scorers.size()][anchors];
    boolean[] positive = new boolean[anchors];
    boolean[] live = new boolean[anchors];
    int[] top = new int[kMax];
    int requestCount = 0;
    progress.start("held-out recall", heldOut.users().length, "users");
    for (int t = 0; t < heldOut.users().length; t++) {
      for (int m = 0; m < modalities; m++) {
        score(userVectors, (t * modalities + m) * dimension, anchorVectors, dimension, scores[m]);
        if (hasSequence[t][m]) {
          covered[m]++;
        }
      }
      float[] combined = scores[modalities];
      Arrays.fill(combined, 0f);
      for (int m = 0; m < modalities; m++) {
        for (int a = 0; a < anchors; a++) {
          combined[a] += scores[m][a];
        }
      }
      covered[modalities]++;
      covered[modalities + 1]++;
      System.arraycopy(popularScore, 0, scores[modalities + 1], 0, anchors);

      int[] own = heldOut.positives().get(t);
      for (int a : own) {
        positive[a] = true;
      }
      for (int s = 0; s < scorers.size(); s++) {
        int n = TopK.select(scores[s], null, kMax, top);
        count(top, n, ks, positive, own.length, hits[s], recall[s]);
      }
      for (int a : own) {
        positive[a] = false;
      }
      if (liveReplay) {
        for (HeldOutPositives.Request request :
            requestsByUser.getOrDefault(heldOut.users()[t], List.of())) {
          for (int a = 0; a < anchors; a++) {
            live[a] = dataset.isLive(a, request.ts());
          }
          for (int a : request.positives()) {
            positive[a] = true;
          }
          for (int s = 0; s < scorers.size(); s++) {
            int n = TopK.select(scores[s], live, kMax, top);
            count(top, n, ks, positive, request.positives().length, liveHits[s], liveRecall[s]);
          }
          for (int a : request.positives()) {
            positive[a] = false;
          }
          requestCount++;
        }
      }
      progress.advance(1);
    }
    progress.finish("");
    int users = heldOut.users().length;
    Map<String, Score> byScorer = new LinkedHashMap<>();
    Map<String, Score> liveByScorer = new LinkedHashMap<>();
    String best = null;
    double bestHit = -1;
    for (int s = 0; s < scorers.size(); s++) {
      byScorer.put(scorers.get(s), score(ks, hits[s], recall[s], users, covered[s] / users));
      if (liveReplay) {
        liveByScorer.put(
            scorers.get(s),
            score(ks, liveHits[s], liveRecall[s], requestCount, covered[s] / users));
      }
      if (s < modalities && hits[s][ks.size() - 1] > bestHit) {
        bestHit = hits[s][ks.size() - 1];
        best = scorers.get(s);
      }
    }
    return new Report(users, requestCount, List.copyOf(ks), byScorer, liveByScorer, best);
  }

  private static Score score(
      List<Integer> ks, double[] hits, double[] recall, int count, double coverage) {
    Map<Integer, Double> hitRate = new LinkedHashMap<>();
    Map<Integer, Double> meanRecall = new LinkedHashMap<>();
    for (int i = 0; i < ks.size(); i++) {
      hitRate.put(ks.get(i), count == 0 ? 0 : hits[i] / count);
      meanRecall.put(ks.get(i), count == 0 ? 0 : recall[i] / count);
    }
    return new Score(hitRate, meanRecall, coverage);
  }

  private static void count(
      int[] top,
      int n,
      List<Integer> ks,
      boolean[] positive,
      int positives,
      double[] hits,
      double[] recall) {
    int found = 0;
    int position = 0;
    for (int i = 0; i < ks.size(); i++) {
      int k = Math.min(ks.get(i), n);
      while (position < k) {
        if (positive[top[position++]]) {
          found++;
        }
      }
      if (found > 0) {
        hits[i]++;
      }
      recall[i] += (double) found / positives;
    }
  }

  private static void score(
      float[] users, int offset, float[] anchors, int dimension, float[] out) {
    for (int a = 0; a < out.length; a++) {
      float s = 0;
      int base = a * dimension;
      for (int j = 0; j < dimension; j++) {
        s += users[offset + j] * anchors[base + j];
      }
      out[a] = s;
    }
  }
}
