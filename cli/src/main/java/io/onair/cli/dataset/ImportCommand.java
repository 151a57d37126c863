package io.onair.cli.dataset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair import}: converts public logs into onair-dataset/1. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Convert public logs into an onair-dataset/1 directory.",
    subcommands = {EcommImportCommand.class})
public final class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
