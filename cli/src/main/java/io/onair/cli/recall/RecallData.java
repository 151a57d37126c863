package io.onair.cli.recall;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.relations.Relations;

/** Checks shared by the recall commands that read a dataset beside the relations. */
final class RecallData {
  private RecallData() {}

  /**
   * The relations' window, after checking that the dataset is the one they were built from (same
   * name, same time span), so evaluation never mixes one world's relations with another's data.
   */
  static DataWindow window(Dataset dataset, Relations relations) {
    if (!dataset.manifest().name().equals(relations.dataset())) {
      throw new IllegalArgumentException(
          "the relations were built from dataset '"
              + relations.dataset()
              + "', not '"
              + dataset.manifest().name()
              + "'; run onair relations on this dataset");
    }
    DataWindow window = DataWindow.of(dataset, relations.window().holdoutDays());
    if (!window.equals(relations.window())) {
      throw new IllegalArgumentException(
          "the relations' window " + relations.window() + " is not this dataset's " + window);
    }
    if (window.holdoutDays() == 0) {
      throw new IllegalArgumentException(
          "the relations hold out no days (built with --holdout-days 0): nothing to evaluate on;"
              + " rebuild them with --holdout-days N");
    }
    return window;
  }
}
