package io.onair.ranking.calibration;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import io.onair.ranking.features.EncodedExamples;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Platt scaling per binary target, {@code p' = sigmoid(slope * logit(p) + intercept)}, fitted on
 * the validation split (the end of the training window) by damped Newton steps on the log loss with
 * Platt's smoothed targets, saved in the model card and applied to every score the exported model
 * gives (evaluation and serving alike), so that fusion, which multiplies probabilities, multiplies
 * calibrated ones. A monotone map per target: AUC and GAUC do not change. Numeric targets, and
 * targets the split cannot calibrate (fewer than {@value #MIN_POSITIVES} positives or negatives),
 * are left as they are. Immutable and thread-safe.
 */
public final class Calibration {
  /** The fewest positives (and negatives) a target needs on the split to be calibrated. */
  public static final int MIN_POSITIVES = 20;

  private static final double EPSILON = 1e-7;
  private static final int NEWTON_STEPS = 50;

  /** One target's map. */
  public record Platt(double slope, double intercept) {
    public Platt {
      if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
        throw new IllegalArgumentException("slope and intercept must be finite");
      }
    }

    public float apply(float probability) {
      double p = Math.min(Math.max(probability, EPSILON), 1 - EPSILON);
      double z = slope * Math.log(p / (1 - p)) + intercept;
      return (float) (1 / (1 + Math.exp(-z)));
    }
  }

  private final String[] names;
  private final Platt[] perTarget;

  private Calibration(String[] names, Platt[] perTarget) {
    this.names = names;
    this.perTarget = perTarget;
  }

  /** No calibration: every score as the model gives it. */
  public static Calibration identity(TargetGraph targets) {
    requireNonNull(targets, "targets is null");
    return new Calibration(targets.names().toArray(new String[0]), new Platt[targets.size()]);
  }

  /**
   * Fits one map per binary target on {@code rows} of {@code examples}, whose model predictions are
   * {@code predictions} (one array per target of {@code targets}, indexed by example row).
   */
  public static Calibration fit(
      TargetGraph targets, EncodedExamples examples, float[][] predictions, int[] rows) {
    requireNonNull(targets, "targets is null");
    requireNonNull(examples, "examples is null");
    requireNonNull(predictions, "predictions is null");
    requireNonNull(rows, "rows is null");
    Platt[] fitted = new Platt[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      if (targets.target(t).kind() != TargetKind.BINARY) {
        continue;
      }
      float[] labels = examples.labels()[examples.targets().indexOf(targets.name(t))];
      fitted[t] = fitTarget(predictions[t], labels, rows);
    }
    return new Calibration(targets.names().toArray(new String[0]), fitted);
  }

  /** Newton's method on the mean log loss of {@code sigmoid(a x + b)}, {@code x = logit(p)}. */
  static Platt fitTarget(float[] predictions, float[] labels, int[] rows) {
    int positives = 0;
    for (int row : rows) {
      positives += labels[row] > 0.5f ? 1 : 0;
    }
    if (positives < MIN_POSITIVES || rows.length - positives < MIN_POSITIVES) {
      return null;
    }
    double[] x = new double[rows.length];
    double[] y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double p = Math.min(Math.max(predictions[rows[i]], EPSILON), 1 - EPSILON);
      x[i] = Math.log(p / (1 - p));
      // Platt's targets: (N+ + 1) / (N+ + 2) and 1 / (N- + 2) instead of 1 and 0, so that a
      // split the scores separate still has a finite fit
      y[i] =
          labels[rows[i]] > 0.5f
              ? (positives + 1.0) / (positives + 2.0)
              : 1.0 / (rows.length - positives + 2.0);
    }
    double a = 1;
    double b = 0;
    double loss = smoothedLogLoss(x, y, a, b);
    for (int step = 0; step < NEWTON_STEPS; step++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-9;
      double hab = 0;
      double hbb = 1e-9;
      for (int i = 0; i < x.length; i++) {
        double q = 1 / (1 + Math.exp(-(a * x[i] + b)));
        double r = q - y[i];
        double w = q * (1 - q);
        ga += r * x[i];
        gb += r;
        haa += w * x[i] * x[i];
        hab += w * x[i];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      if (!(det > 0)) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      // backtracking: a full Newton step can overshoot where the loss is flat (scores far in the
      // tails), so halve it until the loss goes down
      double scale = 1;
      double next = smoothedLogLoss(x, y, a - da, b - db);
      while (!(next < loss) && scale > 1e-6) {
        scale /= 2;
        next = smoothedLogLoss(x, y, a - scale * da, b - scale * db);
      }
      if (!(next < loss)) {
        break;
      }
      a -= scale * da;
      b -= scale * db;
      boolean converged = loss - next < 1e-12;
      loss = next;
      if (converged) {
        break;
      }
    }
    return Double.isFinite(a) && Double.isFinite(b) ? new Platt(a, b) : null;
  }

  /** The mean log loss of {@code sigmoid(a x + b)} against soft targets, computed stably. */
  private static double smoothedLogLoss(double[] x, double[] y, double a, double b) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double z = a * x[i] + b;
      // -(y log q + (1 - y) log(1 - q)) = log(1 + e^z) - y z
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      sum += softplus - y[i] * z;
    }
    return sum / x.length;
  }

  /** Applies the maps in place to scores in target graph order (one array per target). */
  public void apply(float[][] scores) {
    requireNonNull(scores, "scores is null");
    if (scores.length != perTarget.length) {
      throw new IllegalArgumentException(
          "one score array per target is needed: " + scores.length + " != " + perTarget.length);
    }
    for (int t = 0; t < perTarget.length; t++) {
      Platt platt = perTarget[t];
      if (platt == null) {
        continue;
      }
      float[] values = scores[t];
      for (int i = 0; i < values.length; i++) {
        values[i] = platt.apply(values[i]);
      }
    }
  }

  /** True when no target is mapped. */
  public boolean isIdentity() {
    for (Platt platt : perTarget) {
      if (platt != null) {
        return false;
      }
    }
    return true;
  }

  /** The card's form: {@code {"method": "platt", "targets": {name: {slope, intercept}}}}. */
  public Map<String, Object> toMap() {
    Map<String, Object> targets = new LinkedHashMap<>();
    for (int t = 0; t < perTarget.length; t++) {
      if (perTarget[t] != null) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slope", perTarget[t].slope());
        map.put("intercept", perTarget[t].intercept());
        targets.put(names[t], map);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", "platt");
    out.put("fitted_on", "validation");
    out.put("targets", targets);
    return out;
  }

  /**
   * Reads the card's form for {@code targets}; null (a card written before calibration existed)
   * gives the identity.
   *
   * @throws IllegalArgumentException for an unknown method or a target the model does not have
   */
  public static Calibration fromMap(TargetGraph targets, Map<String, Object> map) {
    requireNonNull(targets, "targets is null");
    Calibration calibration = identity(targets);
    if (map == null) {
      return calibration;
    }
    if (!"platt".equals(map.get("method"))) {
      throw new IllegalArgumentException("unknown calibration method " + map.get("method"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> perTarget =
        (Map<String, Map<String, Object>>) map.getOrDefault("targets", Map.of());
    perTarget.forEach(
        (name, values) -> {
          int t = targets.indexOf(name);
          if (t < 0) {
            throw new IllegalArgumentException("calibration for unknown target '" + name + "'");
          }
          calibration.perTarget[t] =
              new Platt(
                  ((Number) values.get("slope")).doubleValue(),
                  ((Number) values.get("intercept")).doubleValue());
        });
    return calibration;
  }
}
