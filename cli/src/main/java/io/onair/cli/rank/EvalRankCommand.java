package io.onair.cli.rank;

import io.onair.cli.JsonOutput;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.read.DatasetReader;
import io.onair.ranking.RankingJob;
import io.onair.ranking.eval.EvaluationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair eval rank}: an exported model's quality on the held-out days. */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    description = {
      "Ranking quality of an exported model on the held-out days.",
      "Scores the held-out days recorded in the model card through the exported SavedModel and",
      "prints AUC, GAUC, oracle AUC (from truth/) and log loss per target and per scenario.",
      "When truth/ has refer_liked (the simulator's), the rows with a refer room (swipe) are also",
      "split by whether the user liked the refer room (JSON: refer_interest.liked / not_liked)."
    })
public final class EvalRankCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset.")
  Path data;

  @Option(
      names = "--artifacts",
      required = true,
      paramLabel = "DIR",
      description = "Where ranking/NAME/ is.")
  Path artifacts;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "NAME",
      description = "The exported model's name.")
  String model;

  @Option(
      names = "--scenarios",
      split = ",",
      paramLabel = "S",
      description =
          "Evaluate on the held-out rows of these scenarios only (default: all), e.g. swipe.")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Option(
      names = "--bench-candidates",
      defaultValue = "0",
      paramLabel = "N",
      description = "Also time the bare model on requests of N held-out rows (0 = no timing).")
  int benchCandidates;

  @Override
  public Integer call() {
    ConsoleProgress progress = new ConsoleProgress(System.err);
    Dataset dataset = DatasetReader.read(data, progress);
    EvaluationReport report =
        RankingJob.evaluate(
            dataset,
            artifacts,
            model,
            scenarios,
            progress,
            benchCandidates,
            result ->
                System.out.printf(
                    "bare model, %d candidates per request, %d requests, one thread: p50 %.3f ms, p99 %.3f ms, %,.0f rows/s%n",
                    result.candidates(),
                    result.requests(),
                    result.p50Millis(),
                    result.p99Millis(),
                    result.rowsPerSecond()));
    System.out.print(report.render());
    JsonOutput.write(json, report);
    return 0;
  }
}
