package io.onair.cli;

public final class OnAirCommand {
  public static void main(String[] args) {}
}
