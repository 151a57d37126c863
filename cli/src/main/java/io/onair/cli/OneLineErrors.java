package io.onair.cli;

import io.onair.dataset.DatasetException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns a failure into one clear line on stderr and a non-zero exit: bad input (a dataset error, an
 * invalid argument) exits 2, anything else 1. Set ONAIR_DEBUG=1 to see the stack trace.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
  static final int BAD_INPUT = 2;
  static final int FAILURE = 1;

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    String command = commandLine.getCommandSpec().qualifiedName();
    if (System.getenv("ONAIR_DEBUG") != null) {
      ex.printStackTrace(commandLine.getErr());
    }
    if (ex instanceof DatasetException || ex instanceof IllegalArgumentException) {
      commandLine.getErr().println(command + ": " + ex.getMessage());
      return BAD_INPUT;
    }
    if (ex instanceof UncheckedIOException io) {
      commandLine
          .getErr()
          .println(command + ": " + io.getMessage() + ": " + io.getCause().getMessage());
      return FAILURE;
    }
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    commandLine
        .getErr()
        .println(command + ": " + message + " (ONAIR_DEBUG=1 shows the stack trace)");
    return FAILURE;
  }
}
