package io.onair.simulator;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.csv.CsvWriter;
import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.write.DatasetWriter;
import io.onair.simulator.output.EntityFiles;
import io.onair.simulator.output.ParametersFile;
import io.onair.simulator.output.SimulatorManifest;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.WeightedChoice;
import io.onair.simulator.schedule.AnchorSchedule;
import io.onair.simulator.schedule.Calendar;
import io.onair.simulator.schedule.DayLiveIndex;
import io.onair.simulator.session.ItemEventBuffer;
import io.onair.simulator.session.ProductBrowsing;
import io.onair.simulator.session.SessionPlanner;
import io.onair.simulator.session.SessionRunner;
import io.onair.simulator.world.Anchors;
import io.onair.simulator.world.Categories;
import io.onair.simulator.world.EntityIds;
import io.onair.simulator.world.FollowGraph;
import io.onair.simulator.world.InitialFollows;
import io.onair.simulator.world.Items;
import io.onair.simulator.world.LatentSpace;
import io.onair.simulator.world.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates a live-streaming world and writes it as an {@code onair-dataset/1} directory with
 * {@code truth/}: the entities, live schedules, follows, product events and impressions with every
 * label, the true probability of each binary label of each impression, and the parameters.
 *
 * <p>Output is a function of the configuration only: byte-identical for the same configuration and
 * seed on any machine (one thread, streams derived from the seed, StrictMath, fixed decimals, no
 * hash-order iteration). Memory holds the entities in flat primitive arrays and one day of plans
 * and product events; impressions stream to disk, so the large preset runs in a 1 GB heap.
 *
 * <p>Stateless and thread-safe; one call uses one thread.
 */
public final class WorldSimulator {
  private static final List<String> TRUTH_COLUMNS =
      List.of(
          "p_click",
          "p_view10s",
          "p_like",
          "p_comment",
          "p_follow",
          "p_bag_click",
          "p_cart",
          "p_purchase",
          DatasetWriter.TRUTH_P_REFER_LIKED,
          DatasetWriter.TRUTH_REFER_LIKED);

  /** Writes the world of {@code config} into {@code outDirectory} (created if needed). */
  public void simulate(SimulationConfig config, Path outDirectory, Progress progress) {
    requireNonNull(config, "config is null");
    requireNonNull(outDirectory, "outDirectory is null");
    requireNonNull(progress, "progress is null");
    try {
      Files.createDirectories(outDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + outDirectory, e);
    }
    WorldParameters world = config.world();
    Seeds seeds = new Seeds(config.seed());
    LatentSpace space = new LatentSpace(world.latentDimension());
    Calendar calendar = new Calendar(config);
    DatasetManifest manifest = SimulatorManifest.of(config);
    checkColumns(manifest);
    Map<String, Long> rows = new LinkedHashMap<>();

    try (DatasetWriter writer = DatasetWriter.create(outDirectory, manifest)) {
      Categories categories = Categories.generate(world, space, seeds);
      Anchors anchors =
          Anchors.generate(world, config.schedule(), categories, space, seeds, progress);
      Items items = Items.generate(world, categories, anchors, space, seeds, progress);
      WeightedChoice scenarioShares =
          new WeightedChoice(config.scenarios().stream().mapToDouble(s -> s.share()).toArray());
      Users users = Users.generate(world, scenarioShares, categories, space, seeds, progress);
      EntityIds ids =
          new EntityIds(world.users(), world.anchors(), world.items(), world.categories());

      progress.start("entity files", 4, "files");
      rows.put(
          DatasetFile.USERS.fileName(),
          write(writer, DatasetFile.USERS, out -> EntityFiles.writeUsers(out, users, ids)));
      progress.advance(1);
      rows.put(
          DatasetFile.ANCHORS.fileName(),
          write(writer, DatasetFile.ANCHORS, out -> EntityFiles.writeAnchors(out, anchors, ids)));
      progress.advance(1);
      rows.put(
          DatasetFile.ITEMS.fileName(),
          write(writer, DatasetFile.ITEMS, out -> EntityFiles.writeItems(out, items, ids)));
      progress.advance(1);
      rows.put(
          DatasetFile.ANCHOR_ITEMS.fileName(),
          write(
              writer,
              DatasetFile.ANCHOR_ITEMS,
              out -> EntityFiles.writeAnchorItems(out, items.catalogue(), ids)));
      progress.advance(1);
      progress.finish("users.csv, anchors.csv, items.csv, anchor_items.csv");

      AnchorSchedule schedule =
          AnchorSchedule.generate(config.schedule(), world.days(), anchors, seeds, progress);
      rows.put(
          DatasetFile.LIVE_SESSIONS.fileName(),
          write(
              writer,
              DatasetFile.LIVE_SESSIONS,
              out -> schedule.write(out, ids, calendar.epochStart())));

      FollowGraph follows = new FollowGraph(world.users());
      CsvWriter followsOut = writer.open(DatasetFile.FOLLOWS);
      InitialFollows.generate(
          world,
          config.traffic(),
          users,
          anchors,
          categories,
          seeds,
          follows,
          followsOut,
          ids,
          progress);
      long initialFollows = followsOut.rows();

      CsvWriter itemEvents = writer.open(DatasetFile.ITEM_EVENTS);
      CsvWriter impressions = writer.open(DatasetFile.IMPRESSIONS, true);
      CsvWriter truth = writer.openTruth(true);
      ItemEventBuffer events = new ItemEventBuffer();
      SessionRunner runner =
          new SessionRunner(
              config,
              new SessionRunner.WorldView(
                  users, anchors, items, categories, space, schedule, follows, calendar, ids),
              seeds,
              new SessionRunner.Sinks(impressions, truth, followsOut, events));
      SessionPlanner planner =
          new SessionPlanner(users, config.traffic(), scenarioShares, calendar, seeds);
      ProductBrowsing browsing =
          new ProductBrowsing(
              users, items, categories, space, config.traffic(), config.cascade(), calendar, seeds);
      DayLiveIndex index =
          new DayLiveIndex(
              schedule, anchors, world.categories(), config.schedule().minRemainingSeconds());

      progress.start("planning sessions", world.days(), "days");
      long sessions = planner.countAll();
      progress.advance(world.days());
      progress.finish(sessions + " sessions planned");

      progress.start("sessions", sessions, "sessions");
      for (int day = 0; day < world.days(); day++) {
        index.build(day);
        browsing.browse(day, events);
        planner.plan(day);
        int pending = 0;
        for (int i = 0; i < planner.size(); i++) {
          runner.run(day, i, planner.key(i), index);
          if (++pending == 1024) {
            progress.advance(pending);
            pending = 0;
          }
        }
        progress.advance(pending);
        events.flush(itemEvents, ids, calendar.epochStart());
      }
      progress.finish(
          runner.impressions()
              + " impressions in "
              + runner.requests()
              + " requests, "
              + runner.dynamicFollows()
              + " new follows, "
              + events.written()
              + " item events");
      rows.put(DatasetFile.FOLLOWS.fileName(), followsOut.rows());
      rows.put(DatasetFile.ITEM_EVENTS.fileName(), itemEvents.rows());
      rows.put(DatasetFile.IMPRESSIONS.fileName(), impressions.rows());
      rows.put(DatasetWriter.TRUTH_DIRECTORY + "/" + DatasetWriter.TRUTH_IMPRESSIONS, truth.rows());

      Map<String, Object> derived = new LinkedHashMap<>();
      derived.put("start_ts", calendar.epochStart());
      derived.put("end_ts", calendar.epochStart() + (long) world.days() * AnchorSchedule.DAY);
      derived.put("promotion_first_day", calendar.promotionFirstDay());
      derived.put("promotion_end_day", calendar.promotionEndDay());
      derived.put(
          "promotion_start_ts",
          calendar.epochStart() + (long) calendar.promotionFirstDay() * AnchorSchedule.DAY);
      derived.put(
          "promotion_end_ts",
          calendar.epochStart() + (long) calendar.promotionEndDay() * AnchorSchedule.DAY);
      derived.put("initial_follows", initialFollows);
      derived.put("follows_during_simulation", runner.dynamicFollows());
      derived.put("in_room_purchases", runner.inRoomPurchases());
      derived.put("requests", runner.requests());
      ParametersFile.write(
          outDirectory.resolve(DatasetWriter.TRUTH_DIRECTORY).resolve(ParametersFile.FILE_NAME),
          config,
          derived,
          rows);
    }
  }

  private interface RowWriter {
    void write(CsvWriter out);
  }

  private static long write(DatasetWriter writer, DatasetFile file, RowWriter rows) {
    CsvWriter out = writer.open(file);
    rows.write(out);
    return out.rows();
  }

  /** The row writers put cells in a fixed order; fail loudly if the format ever disagrees. */
  private static void checkColumns(DatasetManifest manifest) {
    List<String> impressions = DatasetWriter.header(DatasetFile.IMPRESSIONS, manifest, true);
    List<String> expected =
        List.of(
            "ts",
            "user_id",
            "anchor_id",
            "scenario",
            "refer_anchor_id",
            "position",
            "request_id",
            "click",
            "view10s",
            "watch_seconds",
            "like",
            "comment",
            "follow",
            "bag_click",
            "cart",
            "purchase",
            "gmv");
    if (!impressions.equals(expected)) {
      throw new IllegalStateException(
          "impressions.csv header " + impressions + " differs from the writer's " + expected);
    }
    List<String> truth = DatasetWriter.truthHeader(manifest, true);
    if (!truth.equals(TRUTH_COLUMNS)) {
      throw new IllegalStateException(
          "truth header " + truth + " differs from the writer's " + TRUTH_COLUMNS);
    }
  }
}
