package io.onair.cli;

import io.onair.cli.dataset.ImportCommand;
import io.onair.cli.dataset.SimulateCommand;
import io.onair.cli.dataset.ValidateCommand;
import io.onair.cli.features.FeaturesCommand;
import io.onair.cli.pretrain.PretrainCommand;
import io.onair.cli.rank.CompareCommand;
import io.onair.cli.rank.TrainCommand;
import io.onair.cli.rank.TuneCommand;
import io.onair.cli.recall.RelationsCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code onair} command line: one entry point for every offline job and service. */
@Command(
    name = "onair",
    mixinStandardHelpOptions = true,
    versionProvider = OnAirVersion.class,
    description = "OnAir: live-stream recommendation (recall, multi-task ranking, gateway).",
    subcommands = {
      // data
      SimulateCommand.class,
      ImportCommand.class,
      ValidateCommand.class,
      // offline jobs
      RelationsCommand.class,
      PretrainCommand.class,
      TrainCommand.class,
      TuneCommand.class,
      EvalCommand.class,
      CompareCommand.class,
      // online
      FeaturesCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      QuickstartCommand.class,
      CommandLine.HelpCommand.class
    })
public final class OnAirCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in process. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new OnAirCommand());
    commandLine.setExecutionExceptionHandler(new OneLineErrors());
    commandLine.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("onair: " + ex.getMessage());
          err.println(
              "Try '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for more information.");
          return ex.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
    return commandLine;
  }
}
