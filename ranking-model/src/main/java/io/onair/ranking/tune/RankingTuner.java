package io.onair.ranking.tune;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.progress.Progress;
import io.onair.ranking.eval.EvaluationReport;
import io.onair.ranking.features.EncodedExamples;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.train.RankingTrainer;
import io.onair.ranking.train.TrainingRecipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Random search over a model's configuration, scored on the validation split of the training window
 * only: every trial trains with {@link RankingTrainer} (early stopping included) without scoring
 * the held-out days at all, and its score is the validation mean AUC of the epoch it kept; a trial
 * that trails the median of the finished ones is stopped early ({@link MedianStopping}). The first
 * trial is the base recipe itself, so the best configuration found is never worse than the base on
 * the validation split. Trials run on the executor given (one TensorFlow session per trial, one
 * intra-op thread each). Stateless; the search is a function of the seed.
 */
public final class RankingTuner {
  private RankingTuner() {}

  /** One knob of the search and the values it draws from, uniformly. */
  record Knob(String key, List<Object> values, boolean dbmtlOnly) {}

  /** The search space, as config-file keys (docs/ranking.md, "onair tune"). */
  static final List<Knob> SPACE =
      List.of(
          new Knob("learning_rate", List.of(0.0005, 0.001, 0.002, 0.004), false),
          new Knob("embedding_learning_rate", List.of(0.02, 0.05, 0.1), false),
          new Knob("embedding_dimension", List.of(8, 16, 32), false),
          new Knob("batch_size", List.of(256, 512, 1024), false),
          new Knob("dropout", List.of(0.0, 0.1, 0.2, 0.3), false),
          new Knob("embedding_l2", List.of(0.0, 1e-5, 1e-4, 1e-3), false),
          new Knob("min_id_count", List.of(1, 2, 3, 5), false),
          new Knob("learning_rate_decay", List.of(1.0, 0.9, 0.8), false),
          new Knob("conditional_loss_weight", List.of(0.0, 0.25, 0.5, 1.0), true));

  /**
   * One trial: its overrides of the base, its validation score, the epoch it kept, how many it ran
   * and whether the median rule stopped it ({@link MedianStopping}), its time.
   */
  public record Trial(
      int number,
      Map<String, Object> overrides,
      TrainingRecipe recipe,
      double score,
      int selectedEpoch,
      int epochsRun,
      boolean stopped,
      double seconds,
      String error) {
    public Trial {
      overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
      requireNonNull(recipe, "recipe is null");
    }
  }

  /** The trials in order and the best one. */
  public record Result(List<Trial> trials, Trial best) {
    public Result {
      trials = List.copyOf(trials);
      requireNonNull(best, "best is null");
    }
  }

  /** The {@code trials} configurations drawn for {@code base}: the base first, then draws. */
  static List<Map<String, Object>> draw(TrainingRecipe base, int trials, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean dbmtl = base.model().rankArchitecture().bayesian() && base.model().conditionalTowers();
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(Map.of());
    java.util.Set<Map<String, Object>> seen = new java.util.HashSet<>();
    seen.add(Map.of());
    int attempts = 0;
    while (out.size() < trials && attempts++ < trials * 100) {
      Map<String, Object> overrides = new LinkedHashMap<>();
      for (Knob knob : SPACE) {
        if (knob.dbmtlOnly() && !dbmtl) {
          continue;
        }
        overrides.put(knob.key(), knob.values().get(random.nextInt(knob.values().size())));
      }
      if (seen.add(overrides)) {
        out.add(overrides);
      }
    }
    return out;
  }

  /**
   * Runs {@code trials} trials of {@code base} on {@code examples} and returns them with the best.
   *
   * @param log receives one line per finished trial (from the executor's threads, one at a time)
   * @throws IllegalArgumentException when {@code base} has no validation split (nothing to score
   *     on) or every trial failed
   */
  public static Result tune(
      EncodedExamples examples,
      DataWindow window,
      TrainingRecipe base,
      int trials,
      long seed,
      ExecutorService executor,
      Consumer<String> log) {
    requireNonNull(examples, "examples is null");
    requireNonNull(window, "window is null");
    requireNonNull(base, "base is null");
    requireNonNull(executor, "executor is null");
    requireNonNull(log, "log is null");
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be >= 1, got " + trials);
    }
    if (base.training().validationFraction() <= 0) {
      throw new IllegalArgumentException(
          "tune scores on the validation split: --validation-fraction must be > 0");
    }
    List<Map<String, Object>> draws = draw(base, trials, seed);
    long start = System.nanoTime();
    Object logLock = new Object();
    int[] finished = {0};
    MedianStopping stopping = new MedianStopping();
    List<Future<Trial>> futures = new ArrayList<>();
    for (int i = 0; i < draws.size(); i++) {
      int number = i + 1;
      Map<String, Object> overrides = draws.get(i);
      TrainingRecipe recipe = base.apply(overrides);
      futures.add(
          executor.submit(
              () -> {
                Trial trial = run(number, overrides, recipe, examples, window, stopping);
                synchronized (logLock) {
                  finished[0]++;
                  double elapsed = (System.nanoTime() - start) / 1e9;
                  double eta = elapsed / finished[0] * (draws.size() - finished[0]);
                  log.accept(
                      String.format(
                          "trial %d/%d: %s  (%d of %d done, ETA %.0fs)  %s",
                          number,
                          draws.size(),
                          trial.error() == null
                              ? String.format(
                                  "validation mean AUC %.4f at epoch %d of %d%s, %.0fs",
                                  trial.score(),
                                  trial.selectedEpoch(),
                                  trial.epochsRun(),
                                  trial.stopped() ? " (stopped: below the median)" : "",
                                  trial.seconds())
                              : "failed: " + trial.error(),
                          finished[0],
                          draws.size(),
                          eta,
                          overrides.isEmpty() ? "(the base configuration)" : overrides));
                }
                return trial;
              }));
    }
    List<Trial> done = new ArrayList<>();
    try {
      for (Future<Trial> future : futures) {
        done.add(future.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tuning", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a trial failed", e.getCause());
    }
    Trial best = null;
    for (Trial trial : done) {
      if (trial.error() == null && (best == null || trial.score() > best.score())) {
        best = trial;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("every trial failed; the first: " + done.get(0).error());
    }
    return new Result(done, best);
  }

  private static Trial run(
      int number,
      Map<String, Object> overrides,
      TrainingRecipe recipe,
      EncodedExamples examples,
      DataWindow window,
      MedianStopping stopping) {
    long start = System.nanoTime();
    ModelConfig model = recipe.model();
    try {
      RankingTrainer.Outcome outcome =
          RankingTrainer.train(
              examples,
              window,
              model,
              Optional.empty(),
              recipe.training(),
              false,
              stopping,
              Progress.NONE,
              line -> {});
      try (var ranker = outcome.ranker()) {
        EvaluationReport validation = outcome.selected().validation();
        double[] curve =
            outcome.epochs().stream()
                .mapToDouble(e -> RankingTrainer.selectionScore(e.validation()))
                .toArray();
        stopping.finished(curve);
        int epochsRun = outcome.epochs().size();
        boolean stopped =
            epochsRun < recipe.training().epochs()
                && epochsRun - outcome.selectedEpoch() < recipe.training().patience();
        return new Trial(
            number,
            overrides,
            recipe,
            RankingTrainer.selectionScore(validation),
            outcome.selectedEpoch(),
            epochsRun,
            stopped,
            (System.nanoTime() - start) / 1e9,
            null);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a configuration that diverges or is refused is a failed trial, not a failed search
      return new Trial(
          number,
          overrides,
          recipe,
          Double.NaN,
          0,
          0,
          false,
          (System.nanoTime() - start) / 1e9,
          e.getMessage());
    }
  }

  /** The trials as a markdown table, best first. */
  public static String table(Result result) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| trial | validation mean AUC | epoch kept | epochs run | stopped | seconds | overrides |\n");
    out.append("| ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
    result.trials().stream()
        .sorted(
            (a, b) ->
                Double.compare(
                    Double.isNaN(b.score()) ? -1 : b.score(),
                    Double.isNaN(a.score()) ? -1 : a.score()))
        .forEach(
            t ->
                out.append(
                    String.format(
                        "| %d | %s | %d | %d | %s | %.0f | %s |%n",
                        t.number(),
                        t.error() == null ? String.format("%.4f", t.score()) : "failed",
                        t.selectedEpoch(),
                        t.epochsRun(),
                        t.stopped() ? "median" : "",
                        t.seconds(),
                        t.overrides().isEmpty() ? "base" : t.overrides().toString())));
    return out.toString();
  }
}
