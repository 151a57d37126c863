package io.onair.cli.pretrain;

import io.onair.cli.JsonOutput;
import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.pretrain.PretrainJob;
import io.onair.pretrain.eval.NextAnchorEvaluator;
import io.onair.pretrain.model.PretrainConfig;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair pretrain}: the multi-modal recall pretraining (DMR 2.0's first stage). */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the multi-modal recall model (one sequence per modality: profile, U2F, U2A, U2A2A,",
      "U2I2A, U2I2I2A; a shared transformer block; sampled softmax over anchors; next-anchor",
      "prediction) on the days before the held-out ones, reports held-out next-anchor",
      "recall@K per modality against popularity, and exports per-modality user vectors and",
      "anchor vectors to ARTIFACTS/pretrain/ (versioned; card.json records the data window).",
      "Needs the relations of the same dataset in ARTIFACTS (onair relations)."
    })
public final class PretrainCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Holds relations/; pretrain/ is written here.")
  Path artifacts;

  @Option(
      names = "--holdout-days",
      paramLabel = "N",
      description = "Leave the last N days out (default: the relations' held-out days).")
  Integer holdoutDays;

  @Option(
      names = "--dimension",
      defaultValue = "" + PretrainConfig.DEFAULT_DIMENSION,
      paramLabel = "D",
      description = "Vector dimension (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(
      names = "--sequence-length",
      defaultValue = "" + PretrainConfig.DEFAULT_SEQUENCE_LENGTH,
      paramLabel = "L",
      description = "Elements per modality sequence (default: ${DEFAULT-VALUE}).")
  int sequenceLength;

  @Option(
      names = "--heads",
      defaultValue = "" + PretrainConfig.DEFAULT_HEADS,
      paramLabel = "H",
      description = "Attention heads (default: ${DEFAULT-VALUE}).")
  int heads;

  @Option(
      names = "--epochs",
      defaultValue = "" + PretrainConfig.DEFAULT_EPOCHS,
      paramLabel = "E",
      description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--batch-size",
      defaultValue = "" + PretrainConfig.DEFAULT_BATCH_SIZE,
      paramLabel = "B",
      description = "Examples per step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--negatives",
      defaultValue = "" + PretrainConfig.DEFAULT_NEGATIVES,
      paramLabel = "S",
      description =
          "Sampled negative anchors per batch; at least the anchor count is a full softmax"
              + " (default: ${DEFAULT-VALUE}).")
  int negatives;

  @Option(
      names = "--learning-rate",
      defaultValue = "" + PretrainConfig.DEFAULT_LEARNING_RATE,
      paramLabel = "LR",
      description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
  float learningRate;

  @Option(
      names = "--modality-weights",
      paramLabel = "M=W,...",
      description = "Loss weight per modality, e.g. profile=1,U2F=0.5 (default: 1 each).")
  String modalityWeights;

  @Option(
      names = "--k",
      split = ",",
      paramLabel = "K",
      description = "Recall cut-offs (default: 50,100).")
  List<Integer> ks = new ArrayList<>(List.of(50, 100));

  @Option(
      names = "--live-replay",
      negatable = true,
      defaultValue = "true",
      description = "Also replay every held-out request with live anchors only (default: on).")
  boolean liveReplay;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "TensorFlow intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result here.")
  Path json;

  @Override
  public Integer call() {
    PretrainConfig config =
        new PretrainConfig(
            dimension,
            sequenceLength,
            heads,
            2 * dimension,
            negatives,
            epochs,
            batchSize,
            learningRate,
            PretrainConfig.parseWeights(modalityWeights),
            seed,
            threads);
    List<Integer> cutoffs = ks.stream().sorted().distinct().toList();
    if (cutoffs.isEmpty() || cutoffs.get(0) < 1) {
      throw new IllegalArgumentException("--k must list positive cut-offs, got " + ks);
    }
    Relations relations = RelationsArtifacts.read(artifacts);
    Progress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    DataWindow window = window(dataset, relations);
    System.err.println("pretrain: " + config + " on " + window);
    PretrainJob.Outcome outcome =
        PretrainJob.run(
            dataset,
            relations,
            window,
            config,
            cutoffs,
            liveReplay,
            artifacts,
            progress,
            System.err::println);
    JsonOutput.write(json, outcome.json());
    System.out.printf(
        Locale.ROOT,
        "pretrained %s of %s: %,d examples, %d epochs in %.0fs (final loss %.4f); user vectors %s;"
            + " window %s%n",
        outcome.version(),
        dataset.manifest().name(),
        outcome.training().examples(),
        outcome.training().epochs().size(),
        outcome.training().seconds(),
        outcome.training().epochs().get(outcome.training().epochs().size() - 1).loss(),
        outcome.exportedUsers(),
        window);
    if (outcome.evaluation() != null) {
      print(outcome.evaluation());
    }
    return 0;
  }

  /**
   * The window to train on: the relations' own, after checking the dataset is theirs and that an
   * explicit --holdout-days agrees with them.
   */
  private DataWindow window(Dataset dataset, Relations relations) {
    if (!dataset.manifest().name().equals(relations.dataset())) {
      throw new IllegalArgumentException(
          "the relations in "
              + artifacts
              + " were built from dataset '"
              + relations.dataset()
              + "', not '"
              + dataset.manifest().name()
              + "'; run onair relations on this dataset");
    }
    int days = holdoutDays != null ? holdoutDays : relations.window().holdoutDays();
    DataWindow window = DataWindow.of(dataset, days);
    if (!window.equals(relations.window())) {
      throw new IllegalArgumentException(
          "--holdout-days "
              + days
              + " gives the window "
              + window
              + " but the relations were built on "
              + relations.window()
              + "; rebuild them with onair relations --holdout-days "
              + days);
    }
    return window;
  }

  private static void print(NextAnchorEvaluator.Report report) {
    System.out.printf(
        Locale.ROOT,
        "held-out next-anchor recall on %,d users (user vectors as of the held-out start, every"
            + " anchor):%n",
        report.users());
    table(report, report.scores());
    if (!report.live().isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "live replay (%,d held-out requests, live anchors only):%n",
          report.requests());
      table(report, report.live());
    }
    System.out.println("best modality: " + report.best());
  }

  private static void table(
      NextAnchorEvaluator.Report report, java.util.Map<String, NextAnchorEvaluator.Score> scores) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", "vector"));
    for (int k : report.ks()) {
      header.append(String.format(Locale.ROOT, " %12s %10s", "hit_rate@" + k, "recall@" + k));
    }
    header.append(String.format(Locale.ROOT, " %9s", "coverage"));
    System.out.println(header);
    scores.forEach(
        (name, s) -> {
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s", name));
          for (int k : report.ks()) {
            line.append(
                String.format(
                    Locale.ROOT, " %12.4f %10.4f", s.hitRate().get(k), s.recall().get(k)));
          }
          line.append(String.format(Locale.ROOT, " %9.4f", s.coverage()));
          System.out.println(line);
        });
  }
}
