package io.onair.cli;

import picocli.CommandLine;

/** The version printed by {@code onair --version}, from the jar's manifest when built. */
final class OnAirVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = OnAirCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "onair " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
    };
  }
}
