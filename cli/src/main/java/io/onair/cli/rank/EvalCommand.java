package io.onair.cli.rank;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair eval}: the offline evaluations (ranking here; recall registers beside it). */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Offline evaluation on the held-out days.",
    subcommands = {EvalRankCommand.class, io.onair.cli.recall.EvalRecallCommand.class})
public final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
