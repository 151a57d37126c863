package io.onair.dataset.read;

import io.onair.dataset.csv.CsvWriter;
import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.manifest.FeatureSpec;
import io.onair.dataset.manifest.FeatureType;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.dataset.write.DatasetWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a small, valid dataset by hand, so tests can break one thing at a time. */
final class SmallDatasets {
  static final long DAY = 86_400;
  static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z

  private SmallDatasets() {}

  static DatasetManifest manifest() {
    return DatasetManifest.of(
        "hand-made",
        "a small dataset for tests",
        "tests",
        List.of(
            TargetSpec.of("click"),
            TargetSpec.of("watch_seconds", "click"),
            TargetSpec.of("follow", "click"),
            TargetSpec.of("cart", "click"),
            TargetSpec.of("purchase", "cart")),
        List.of("channel", "swipe"),
        List.of(
            new FeatureSpec("gender", DatasetFile.USERS, FeatureType.CATEGORICAL),
            new FeatureSpec("interests", DatasetFile.USERS, FeatureType.LIST),
            new FeatureSpec("fans", DatasetFile.ANCHORS, FeatureType.NUMERIC)));
  }

  /** Writes the dataset; impressions.csv has 6 rows on lines 2..7 over 3 days. */
  static Path write(Path directory) {
    try (DatasetWriter writer = DatasetWriter.create(directory, manifest())) {
      CsvWriter users = writer.open(DatasetFile.USERS);
      users.cell("u1").cell("f").cell("music|games").endRow();
      users.cell("u2").cell("m").empty().endRow();
      users.cell("u, with comma").empty().cell("games").endRow();
      CsvWriter anchors = writer.open(DatasetFile.ANCHORS);
      anchors.cell("a1").cell("beauty").cell(1200).endRow();
      anchors.cell("a2").cell("food").cell(3.5, 2).endRow();
      anchors.cell("a3").cell("beauty").empty().endRow();
      CsvWriter items = writer.open(DatasetFile.ITEMS);
      items.cell("i1").cell("beauty").cell(19.9, 2).endRow();
      items.cell("i2").cell("food").cell(5, 2).endRow();
      CsvWriter anchorItems = writer.open(DatasetFile.ANCHOR_ITEMS);
      anchorItems.cell("a1").cell("i1").endRow();
      anchorItems.cell("a2").cell("i2").endRow();
      anchorItems.cell("a3").cell("i1").endRow();
      CsvWriter live = writer.open(DatasetFile.LIVE_SESSIONS);
      for (int day = 0; day < 3; day++) {
        live.cell("a1").cell(T0 + day * DAY).cell(T0 + day * DAY + 7200).endRow();
        live.cell("a2").cell(T0 + day * DAY + 3600).cell(T0 + day * DAY + 10800).endRow();
      }
      live.cell("a3").cell(T0).cell(T0 + 3 * DAY).endRow();
      CsvWriter follows = writer.open(DatasetFile.FOLLOWS);
      follows.cell("u1").cell("a1").cell(T0 - DAY).endRow();
      CsvWriter events = writer.open(DatasetFile.ITEM_EVENTS);
      events.cell("u1").cell("i1").cell("click").cell(T0 + 100).endRow();
      events.cell("u1").cell("i1").cell("buy").cell(T0 + 200).endRow();
      CsvWriter impressions = writer.open(DatasetFile.IMPRESSIONS, true);
      impression(impressions, T0 + 60, "u1", "a1", "channel", "", 0, "r1", 1, 30, 0, 1, 1);
      impression(impressions, T0 + 60, "u1", "a3", "channel", "", 1, "r1", 0, 0, 0, 0, 0);
      impression(
          impressions, T0 + DAY + 3700, "u2", "a2", "swipe", "a1", 0, "r2", 1, 12.5, 1, 0, 0);
      impression(impressions, T0 + DAY + 3800, "u2", "a1", "channel", "", 0, "r3", 0, 0, 0, 0, 0);
      impression(
          impressions,
          T0 + 2 * DAY + 60,
          "u, with comma",
          "a1",
          "channel",
          "",
          0,
          "r4",
          1,
          5,
          0,
          0,
          0);
      impression(
          impressions, T0 + 2 * DAY + 3700, "u1", "a2", "channel", "", 1, "r5", 0, 0, 0, 0, 0);
    }
    return directory;
  }

  private static void impression(
      CsvWriter w,
      long ts,
      String user,
      String anchor,
      String scenario,
      String refer,
      int position,
      String request,
      int click,
      double watch,
      int follow,
      int cart,
      int purchase) {
    w.cell(ts).cell(user).cell(anchor).cell(scenario).cell(refer).cell(position).cell(request);
    w.cell(click).cell(watch, 2).cell(follow).cell(cart).cell(purchase).endRow();
  }

  /** Replaces line {@code line} (1-based) of a file of the dataset. */
  static void replaceLine(Path directory, String file, int line, String text) {
    try {
      Path path = directory.resolve(file);
      List<String> lines = new ArrayList<>(Files.readAllLines(path));
      lines.set(line - 1, text);
      Files.write(path, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String line(Path directory, String file, int line) {
    try {
      return Files.readAllLines(directory.resolve(file)).get(line - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
