package io.onair.pretrain;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.Progress;
import io.onair.pretrain.eval.HeldOutPositives;
import io.onair.pretrain.eval.NextAnchorEvaluator;
import io.onair.pretrain.model.PretrainConfig;
import io.onair.pretrain.model.TrainedRecallModel;
import io.onair.pretrain.sequences.Modality;
import io.onair.pretrain.sequences.ModalitySequences;
import io.onair.pretrain.sequences.SequenceBuilder;
import io.onair.pretrain.sequences.TokenSpace;
import io.onair.pretrain.train.EpochReport;
import io.onair.pretrain.train.PretrainTrainer;
import io.onair.pretrain.train.TrainingExamples;
import io.onair.relations.PopularityTable;
import io.onair.relations.Relations;
import io.onair.relations.RelationsArtifacts;
import io.onair.vectors.PretrainedVectors;
import io.onair.vectors.VectorSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@code onair pretrain}: builds the training examples from the days before the held-out ones,
 * trains the multi-modal recall model, computes every user's per-modality vectors as of the start
 * of the held-out days (what serving would see) and every anchor's vector, evaluates held-out
 * next-anchor recall against popularity when days are held out, and exports the vectors as a new
 * version of {@code <artifacts>/pretrain/}. Stateless.
 */
public final class PretrainJob {
  /** Distinct labels kept per user and day. */
  public static final int MAX_LABELS_PER_USER_DAY = 50;

  private PretrainJob() {}

  /**
   * What a run produced.
   *
   * @param version the exported version
   * @param evaluation null when nothing is held out
   * @param anchors the exported anchor vectors
   * @param users the exported user vectors per modality
   * @param json the run's summary, as {@code --json} writes it
   */
  public record Outcome(
      String version,
      TrainingSummary training,
      NextAnchorEvaluator.Report evaluation,
      VectorSet anchors,
      Map<String, VectorSet> users,
      Map<String, Object> json) {
    /** How many users got a vector, per modality. */
    public Map<String, Integer> exportedUsers() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      users.forEach((m, set) -> counts.put(m, set.size()));
      return counts;
    }
  }

  /** The training figures. */
  public record TrainingSummary(
      int examples, int rows, int cuts, List<EpochReport> epochs, double seconds) {}

  /**
   * Runs the whole job.
   *
   * @param ks the recall cut-offs, ascending (empty: no evaluation)
   * @throws IllegalArgumentException for a dataset the relations were not built from, or no
   *     training example
   */
  public static Outcome run(
      Dataset dataset,
      Relations relations,
      DataWindow window,
      PretrainConfig config,
      List<Integer> ks,
      boolean liveReplay,
      Path artifacts,
      Progress progress,
      Consumer<String> log) {
    requireNonNull(dataset, "dataset is null");
    requireNonNull(relations, "relations is null");
    requireNonNull(window, "window is null");
    requireNonNull(config, "config is null");
    requireNonNull(ks, "ks is null");
    requireNonNull(artifacts, "artifacts is null");
    requireNonNull(progress, "progress is null");
    requireNonNull(log, "log is null");
    TokenSpace space = TokenSpace.of(dataset);
    SequenceBuilder builder =
        new SequenceBuilder(dataset, relations, space, config.sequenceLength());
    try (TrainedRecallModel model = TrainedRecallModel.create(config, space)) {
      TrainingExamples examples =
          TrainingExamples.build(dataset, window, builder, MAX_LABELS_PER_USER_DAY, progress);
      log.accept(
          String.format(
              "pretraining %s on %,d examples (%,d user-days, %d daily cuts, %,d anchors, %,d"
                  + " tokens)",
              config,
              examples.size(),
              examples.rows(),
              examples.cuts().length,
              dataset.anchorCount(),
              space.size()));
      long start = System.nanoTime();
      List<EpochReport> epochs = PretrainTrainer.train(model, examples, dataset.anchorCount(), log);
      TrainingSummary training =
          new TrainingSummary(
              examples.size(),
              examples.rows(),
              examples.cuts().length,
              epochs,
              (System.nanoTime() - start) / 1e9);

      int[] everyUser = IntStream.range(0, dataset.userCount()).toArray();
      progress.start("user vectors", dataset.userCount(), "users");
      ModalitySequences now = builder.build(window, window.holdoutStart(), everyUser);
      float[] userVectors = model.userVectors(now);
      float[] anchorVectors = model.anchorVectors();
      progress.advance(dataset.userCount());
      progress.finish(String.format("%,d users, %,d anchors", now.rows(), dataset.anchorCount()));

      NextAnchorEvaluator.Report evaluation = null;
      if (window.holdoutDays() > 0 && !ks.isEmpty()) {
        evaluation =
            evaluate(
                dataset,
                relations,
                window,
                config,
                ks,
                liveReplay,
                now,
                userVectors,
                anchorVectors,
                progress);
      }

      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("relations_version", relations.version());
      metrics.put("config", config.json());
      metrics.put("training", trainingJson(training));
      if (evaluation != null) {
        metrics.put("evaluation", evaluation.json());
      }
      Map<String, VectorSet> users = new LinkedHashMap<>();
      Map<String, Integer> exported = new LinkedHashMap<>();
      for (Modality m : Modality.values()) {
        VectorSet set = userSet(dataset, now, userVectors, m, config.dimension());
        users.put(m.wireName(), set);
        exported.put(m.wireName(), set.size());
      }
      VectorSet anchors = VectorSet.of(dataset.anchors().ids(), anchorVectors, config.dimension());
      String version =
          PretrainedVectors.write(
              artifacts,
              new PretrainedVectors.Export(
                  RelationsArtifacts.window(window),
                  metrics,
                  Modality.wireNames(),
                  anchors,
                  users));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("version", version);
      json.put("dataset", dataset.manifest().name());
      json.put("window", RelationsArtifacts.window(window));
      json.putAll(metrics);
      json.put("exported_users", exported);
      json.put("anchors", anchors.size());
      json.put("directory", artifacts.resolve(PretrainedVectors.DIRECTORY).toString());
      return new Outcome(version, training, evaluation, anchors, users, json);
    }
  }

  private static NextAnchorEvaluator.Report evaluate(
      Dataset dataset,
      Relations relations,
      DataWindow window,
      PretrainConfig config,
      List<Integer> ks,
      boolean liveReplay,
      ModalitySequences now,
      float[] userVectors,
      float[] anchorVectors,
      Progress progress) {
    HeldOutPositives heldOut = HeldOutPositives.of(dataset, window);
    int modalities = Modality.count();
    int d = config.dimension();
    float[] testVectors = new float[heldOut.users().length * modalities * d];
    boolean[][] hasSequence = new boolean[heldOut.users().length][modalities];
    for (int t = 0; t < heldOut.users().length; t++) {
      int u = heldOut.users()[t];
      System.arraycopy(
          userVectors, u * modalities * d, testVectors, t * modalities * d, modalities * d);
      for (Modality m : Modality.values()) {
        hasSequence[t][m.ordinal()] = now.length(u, m) > 0;
      }
    }
    PopularityTable popularity = relations.popularity();
    int row = popularity.rowOf(PopularityTable.ALL_SCENARIOS);
    int[] popular =
        Arrays.copyOfRange(
            popularity.lists().neighbours(),
            popularity.lists().start(row),
            popularity.lists().end(row));
    return NextAnchorEvaluator.evaluate(
        dataset,
        heldOut,
        testVectors,
        hasSequence,
        anchorVectors,
        d,
        popular,
        ks,
        liveReplay,
        progress);
  }

  /** The vectors of the users whose sequence of {@code modality} has at least one element. */
  private static VectorSet userSet(
      Dataset dataset, ModalitySequences now, float[] vectors, Modality modality, int d) {
    int modalities = Modality.count();
    List<String> ids = new ArrayList<>();
    float[] data = new float[now.rows() * d];
    int n = 0;
    for (int r = 0; r < now.rows(); r++) {
      if (now.length(r, modality) == 0) {
        continue;
      }
      ids.add(dataset.users().id(now.users()[r]));
      System.arraycopy(vectors, (r * modalities + modality.ordinal()) * d, data, n * d, d);
      n++;
    }
    return VectorSet.of(ids, Arrays.copyOf(data, n * d), d);
  }

  private static Map<String, Object> trainingJson(TrainingSummary training) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("examples", training.examples());
    json.put("user_days", training.rows());
    json.put("cuts", training.cuts());
    json.put("seconds", Math.round(training.seconds() * 10) / 10.0);
    List<Map<String, Object>> epochs = new ArrayList<>();
    for (EpochReport e : training.epochs()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("epoch", e.epoch());
      one.put("loss", Math.round(e.loss() * 1e4) / 1e4);
      Map<String, Object> perModality = new LinkedHashMap<>();
      for (Modality m : Modality.values()) {
        perModality.put(m.wireName(), Math.round(e.modalityLosses()[m.ordinal()] * 1e4) / 1e4);
      }
      one.put("modality_losses", perModality);
      one.put("examples_per_second", Math.round(e.examplesPerSecond()));
      one.put("seconds", Math.round(e.seconds() * 10) / 10.0);
      epochs.add(one);
    }
    json.put("epochs", epochs);
    return json;
  }
}
