package io.onair.cli.options;

/**
 * The range check of the serving commands' port options. The options themselves stay on each
 * command because their defaults differ (recall 9091/9191, ranking 9092/9192, gateway 9090/9190)
 * and the deployment manifests are checked against those defaults.
 */
public final class Ports {
  private Ports() {}

  /** Refuses a port outside 0 to 65535 (0 picks a free one), naming the option. */
  public static void check(String option, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(option + " must be 0 to 65535, got " + port);
    }
  }
}
