package io.onair.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code onair serve}: the gRPC services. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run a gRPC service.",
    subcommands = {
      io.onair.cli.recall.ServeRecallCommand.class,
      io.onair.cli.ranking.ServeRankingCommand.class,
      io.onair.cli.gateway.ServeGatewayCommand.class,
      io.onair.cli.serve.ServeAllCommand.class
    })
public final class ServeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
