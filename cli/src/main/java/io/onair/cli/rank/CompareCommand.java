package io.onair.cli.rank;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair compare}: side-by-side comparisons of models. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Trains and compares several models on one dataset.",
    subcommands = {CompareRankCommand.class})
public final class CompareCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
