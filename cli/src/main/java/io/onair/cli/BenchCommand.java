package io.onair.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair bench}: measured speed, against a reference measured in the same run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed (contracts.md section 5).",
    subcommands = {
      io.onair.cli.recall.BenchRecallCommand.class,
      io.onair.cli.recall.BenchHnswCommand.class,
      io.onair.cli.ranking.BenchRankCommand.class,
      io.onair.cli.serve.BenchE2eCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
