package io.onair.cli.rank;

import io.onair.cli.JsonOutput;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.read.DatasetReader;
import io.onair.ranking.RankingJob;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.TrainingRecipe;
import io.onair.ranking.tune.RankingTuner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code onair tune}: random search over a model's configuration on the training window's
 * validation split, several trials at once.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
      "Searches a ranking model's configuration on the validation split of the training window",
      "(never the held-out days), several trials in parallel, and writes OUT/best-config.json",
      "(for train --config), OUT/trials.md and OUT/trials.json. The first trial is the base",
      "configuration (defaults, --config, flags)."
    })
public final class TuneCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where tune/MODEL/ is written unless --out says otherwise.")
  Path artifacts;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "The architecture.")
  String model;

  @Option(
      names = "--trials",
      defaultValue = "8",
      paramLabel = "N",
      description = "Configurations to try, the base one included (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Trials run at once, one core each (default: the machine's cores).")
  Integer parallel;

  @Option(
      names = "--search-seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of the draws (default: ${DEFAULT-VALUE}).")
  long searchSeed;

  @Option(names = "--out", paramLabel = "DIR", description = "Default: ARTIFACTS/tune/MODEL.")
  Path out;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() {
    ModelKind kind = ModelKind.parse(model);
    if (kind.pretrained()) {
      throw new IllegalArgumentException(
          "tune does not search " + kind.wireName() + " (its pretrained tables are per run)");
    }
    if (trials < 1) {
      throw new IllegalArgumentException("--trials must be >= 1, got " + trials);
    }
    int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new IllegalArgumentException("--parallel must be >= 1, got " + threads);
    }
    TrainingRecipe base = options.recipe(kind, List.of());
    if (base.training().validationFraction() <= 0) {
      throw new IllegalArgumentException(
          "tune scores on the validation split: --validation-fraction must be > 0");
    }
    Path directory = out != null ? out : artifacts.resolve("tune").resolve(kind.wireName());
    ConsoleProgress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    base.model().resolveTargets(dataset.targets());
    RankingJob.Prepared prepared =
        RankingJob.prepare(
            dataset, base.training().holdoutDays(), !options.noLiveStatistics, progress);
    System.err.println(
        "tune: "
            + trials
            + " trials of "
            + kind.wireName()
            + ", "
            + threads
            + " at once, scored on the validation split (the latest "
            + Math.round(100 * base.training().validationFraction())
            + "% of "
            + prepared.window()
            + ")");
    ExecutorService executor = Executors.newFixedThreadPool(threads, namedThreads());
    RankingTuner.Result result;
    try {
      result =
          RankingTuner.tune(
              prepared.examples(),
              prepared.window(),
              base,
              trials,
              searchSeed,
              executor,
              System.err::println);
    } finally {
      executor.shutdownNow();
    }
    String table = RankingTuner.table(result);
    try {
      Files.createDirectories(directory);
      result.best().recipe().write(directory.resolve("best-config.json"));
      Files.writeString(directory.resolve("trials.md"), table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + directory, e);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RankingTuner.Trial trial : result.trials()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("trial", trial.number());
      row.put("validation_mean_auc", Double.isNaN(trial.score()) ? null : trial.score());
      row.put("selected_epoch", trial.selectedEpoch());
      row.put("epochs_run", trial.epochsRun());
      row.put("stopped_by_median_rule", trial.stopped());
      row.put("seconds", trial.seconds());
      row.put("overrides", trial.overrides());
      row.put("error", trial.error());
      rows.add(row);
    }
    JsonOutput.write(directory.resolve("trials.json"), rows);
    System.out.print(table);
    System.out.printf(
        "best: trial %d, validation mean AUC %.4f; its configuration: %s%n",
        result.best().number(), result.best().score(), directory.resolve("best-config.json"));
    return 0;
  }

  /** Trial threads, named so that a thread dump shows what runs. */
  private static ThreadFactory namedThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "onair-tune-trial-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
