package io.onair.cli.dataset;

import io.onair.cli.JsonOutput;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.read.DatasetReader;
import io.onair.dataset.stats.DatasetStatistics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onair validate}: reads a whole dataset with the one reader and prints its statistics. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks an onair-dataset/1 directory and prints its statistics.",
      "Bad input fails with the file, the line and the reason (exit code 2)."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The dataset directory.")
  Path data;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the statistics as JSON.")
  Path json;

  @Override
  public Integer call() {
    Dataset dataset = DatasetReader.read(data, new ConsoleProgress(System.err));
    DatasetStatistics statistics = DatasetStatistics.of(dataset);
    System.out.print(statistics.render());
    System.out.println(
        "valid: " + data + " is a well-formed " + dataset.manifest().format() + " dataset");
    JsonOutput.write(json, statistics);
    return 0;
  }
}
