package io.onair.cli.features;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair features}: the online feature store. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = "Manage the online feature store.",
    subcommands = {LoadFeaturesCommand.class})
public final class FeaturesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
