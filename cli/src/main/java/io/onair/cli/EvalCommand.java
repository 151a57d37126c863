package io.onair.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair eval}: the offline evaluations on the held-out days, one subcommand per stage. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Offline evaluation on the held-out days.",
    subcommands = {
      io.onair.cli.rank.EvalRankCommand.class,
      io.onair.cli.recall.EvalRecallCommand.class
    })
public final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
