package io.onair.importer.ecomm;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.DatasetException;
import io.onair.dataset.csv.CsvWriter;
import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.manifest.FeatureSpec;
import io.onair.dataset.manifest.FeatureType;
import io.onair.dataset.manifest.ManifestCodec;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.write.DatasetWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Converts the CIKM 2019 EComm AI behaviour log ({@code ecomm_user_feature.txt}, {@code
 * ecomm_item_feature.txt}, {@code ecomm_edge_train.txt}) into an {@code onair-dataset/1} directory.
 * Each leaf category ({@code cate_id}) becomes a live room {@code c<cate_id>} that sells the items
 * of that category; collects become follows; each user's day of activity becomes impressions of
 * rooms with click, follow, cart and purchase labels. The full mapping, with its reasons and
 * limits, is in docs/import-ecomm.md.
 *
 * <p>The three source files are read and checked completely before anything is written, so bad
 * input ({@link DatasetException} with file, line and reason) leaves no partial dataset. The same
 * input and configuration always give byte-identical files. Holds the log and the impressions in
 * memory as primitive columns (roughly 100 bytes per source event at peak, plus about 100 bytes per
 * user and per item). Stateless and thread-safe: concurrent imports must use different output
 * directories.
 */
public final class EcommImporter {
  /** The dataset name written to manifest.json. */
  public static final String DATASET_NAME = "ecomm-cikm2019";

  /** The prefix that turns a cate_id into an anchor id. */
  public static final String ANCHOR_PREFIX = "c";

  /** The targets, parents first: click -> follow, click -> cart -> purchase. */
  public static final List<TargetSpec> TARGETS =
      List.of(
          TargetSpec.of("click"),
          TargetSpec.of("follow", "click"),
          TargetSpec.of("cart", "click"),
          TargetSpec.of("purchase", "cart"));

  /** The files this import writes; an output directory holding anything else is refused. */
  private static final Set<String> WRITTEN_FILES =
      Set.of(
          ManifestCodec.FILE_NAME,
          DatasetFile.USERS.fileName(),
          DatasetFile.ANCHORS.fileName(),
          DatasetFile.ITEMS.fileName(),
          DatasetFile.ANCHOR_ITEMS.fileName(),
          DatasetFile.FOLLOWS.fileName(),
          DatasetFile.ITEM_EVENTS.fileName(),
          DatasetFile.IMPRESSIONS.fileName());

  private static final int PRICE_DECIMALS =
      4; // drops float noise (44.400000000000006), keeps 23.475
  private static final int PROGRESS_BATCH = 4096;

  private EcommImporter() {}

  /**
   * Imports the EComm files of {@code inDirectory} into {@code outDirectory}, which must be absent,
   * empty, or hold only files that this import writes (they are replaced).
   *
   * @throws DatasetException for a missing source file or bad input, naming file, line and reason
   * @throws IllegalArgumentException when the output directory holds other files
   * @throws UncheckedIOException when a file cannot be read or written
   */
  public static EcommImportSummary importInto(
      Path inDirectory, Path outDirectory, EcommImportConfig config, Progress progress) {
    requireNonNull(inDirectory, "inDirectory is null");
    requireNonNull(outDirectory, "outDirectory is null");
    requireNonNull(config, "config is null");
    requireNonNull(progress, "progress is null");
    checkOutputDirectory(outDirectory);

    EcommCatalog catalog = EcommCatalog.read(inDirectory, progress);
    EcommUsers users = EcommUsers.read(inDirectory, progress);
    EcommEvents events = EcommEvents.read(inDirectory, catalog, users, progress);
    if (events.size() == 0) {
      throw new DatasetException(EcommEvents.FILE_NAME, "holds no event");
    }
    EventTimeline timeline = EventTimeline.of(events, progress);
    int[] chronological = timeline.chronological();
    EcommFollows follows = EcommFollows.of(events, timeline, chronological, catalog);
    ImpressionTable impressions =
        ImpressionBuilder.build(events, timeline, catalog, users, follows, config, progress);

    try (DatasetWriter writer = DatasetWriter.create(outDirectory, manifest(config))) {
      writeUsers(writer, users, progress);
      writeAnchors(writer, catalog, progress);
      writeItems(writer, catalog, progress);
      writeAnchorItems(writer, catalog, progress);
      writeItemEvents(writer, events, timeline, chronological, users, catalog, progress);
      writeFollows(writer, follows, users, catalog, progress);
      writeImpressions(writer, impressions, users, catalog, config, progress);
    }
    return summary(catalog, users, events, timeline, follows, impressions);
  }

  /** The manifest an import with {@code config} writes. */
  public static DatasetManifest manifest(EcommImportConfig config) {
    requireNonNull(config, "config is null");
    List<FeatureSpec> features = new ArrayList<>();
    for (String name : EcommUsers.FEATURES) {
      FeatureType type =
          switch (name) {
            case "income" -> FeatureType.NUMERIC;
            case "stage_list" -> FeatureType.LIST;
            default -> FeatureType.CATEGORICAL;
          };
      features.add(new FeatureSpec(name, DatasetFile.USERS, type));
    }
    features.add(new FeatureSpec("top_category", DatasetFile.ANCHORS, FeatureType.CATEGORICAL));
    features.add(new FeatureSpec("item_count", DatasetFile.ANCHORS, FeatureType.NUMERIC));
    features.add(new FeatureSpec("top_category", DatasetFile.ITEMS, FeatureType.CATEGORICAL));
    features.add(new FeatureSpec("brand", DatasetFile.ITEMS, FeatureType.CATEGORICAL));
    return DatasetManifest.of(
        DATASET_NAME,
        "CIKM 2019 EComm AI behaviour log as live rooms: each leaf category (cate_id) is a room"
            + " c<cate_id> selling that category, collects are follows, and each user's day of"
            + " activity gives one request per room touched with "
            + config.negativesPerPositive()
            + " popularity-sampled rooms not touched (seed "
            + config.seed()
            + "). Times within a day are synthetic; see docs/import-ecomm.md.",
        "Tianchi CIKM 2019 EComm AI (Alibaba): ecomm_user_feature.txt, ecomm_item_feature.txt,"
            + " ecomm_edge_train.txt",
        TARGETS,
        List.of(config.scenario()),
        features);
  }

  private static void checkOutputDirectory(Path outDirectory) {
    if (!Files.exists(outDirectory)) {
      return;
    }
    if (!Files.isDirectory(outDirectory)) {
      throw new IllegalArgumentException("output " + outDirectory + " is not a directory");
    }
    Set<String> foreign = new TreeSet<>();
    try (Stream<Path> entries = Files.list(outDirectory)) {
      entries
          .map(entry -> entry.getFileName().toString())
          .filter(name -> !WRITTEN_FILES.contains(name))
          .forEach(foreign::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + outDirectory, e);
    }
    if (!foreign.isEmpty()) {
      // A left-over live_sessions.csv or truth/ would silently change what the dataset means.
      throw new IllegalArgumentException(
          "output directory "
              + outDirectory
              + " holds "
              + String.join(", ", foreign)
              + ", which this import does not write: use an empty or new directory");
    }
  }

  private static void writeUsers(DatasetWriter writer, EcommUsers users, Progress progress) {
    progress.start("writing " + DatasetFile.USERS.fileName(), users.size(), "users");
    CsvWriter out = writer.open(DatasetFile.USERS);
    for (int user = 0; user < users.size(); user++) {
      out.cell(users.id(user));
      String[] features = users.features(user);
      for (int f = 0; f < EcommUsers.FEATURES.size(); f++) {
        if (features == null) {
          out.empty();
        } else {
          out.cell(features[f]);
        }
      }
      out.endRow();
      advance(progress, user + 1);
    }
    progress.advance(users.size() % PROGRESS_BATCH);
    progress.finish(
        String.format(
            Locale.ROOT,
            "%,d users, %,d without features",
            users.size(),
            users.size() - users.usersWithFeatures()));
  }

  private static void writeAnchors(DatasetWriter writer, EcommCatalog catalog, Progress progress) {
    progress.start("writing " + DatasetFile.ANCHORS.fileName(), catalog.categoryCount(), "anchors");
    CsvWriter out = writer.open(DatasetFile.ANCHORS);
    for (int room = 0; room < catalog.categoryCount(); room++) {
      out.cell(anchorId(catalog, room))
          .cell(catalog.categoryId(room))
          .cell(catalog.topCategory(room))
          .cell(catalog.itemsInCategory(room))
          .endRow();
    }
    progress.advance(catalog.categoryCount());
    progress.finish(String.format(Locale.ROOT, "%,d anchors", catalog.categoryCount()));
  }

  private static void writeItems(DatasetWriter writer, EcommCatalog catalog, Progress progress) {
    progress.start("writing " + DatasetFile.ITEMS.fileName(), catalog.itemCount(), "items");
    CsvWriter out = writer.open(DatasetFile.ITEMS);
    for (int item = 0; item < catalog.itemCount(); item++) {
      int category = catalog.category(item);
      out.cell(catalog.itemId(item))
          .cell(catalog.categoryId(category))
          .cell(catalog.price(item), PRICE_DECIMALS)
          .cell(catalog.topCategory(category));
      long brand = catalog.brand(item);
      if (brand == 0) {
        out.empty(); // brand_id 0 is "no brand", not a brand shared by 98% of the items
      } else {
        out.cell(brand);
      }
      out.endRow();
      advance(progress, item + 1);
    }
    progress.advance(catalog.itemCount() % PROGRESS_BATCH);
    progress.finish(String.format(Locale.ROOT, "%,d items", catalog.itemCount()));
  }

  private static void writeAnchorItems(
      DatasetWriter writer, EcommCatalog catalog, Progress progress) {
    progress.start("writing " + DatasetFile.ANCHOR_ITEMS.fileName(), catalog.itemCount(), "rows");
    CsvWriter out = writer.open(DatasetFile.ANCHOR_ITEMS);
    for (int item = 0; item < catalog.itemCount(); item++) {
      out.cell(anchorId(catalog, catalog.category(item))).cell(catalog.itemId(item)).endRow();
      advance(progress, item + 1);
    }
    progress.advance(catalog.itemCount() % PROGRESS_BATCH);
    progress.finish(String.format(Locale.ROOT, "%,d rows", catalog.itemCount()));
  }

  private static void writeItemEvents(
      DatasetWriter writer,
      EcommEvents events,
      EventTimeline timeline,
      int[] chronological,
      EcommUsers users,
      EcommCatalog catalog,
      Progress progress) {
    progress.start("writing " + DatasetFile.ITEM_EVENTS.fileName(), events.size(), "events");
    CsvWriter out = writer.open(DatasetFile.ITEM_EVENTS);
    for (int i = 0; i < chronological.length; i++) {
      int event = chronological[i];
      out.cell(users.id(events.user(event)))
          .cell(catalog.itemId(events.item(event)))
          .cell(events.behaviour(event).action())
          .cell(timeline.ts(event))
          .endRow();
      advance(progress, i + 1);
    }
    progress.advance(events.size() % PROGRESS_BATCH);
    progress.finish(String.format(Locale.ROOT, "%,d events", events.size()));
  }

  private static void writeFollows(
      DatasetWriter writer,
      EcommFollows follows,
      EcommUsers users,
      EcommCatalog catalog,
      Progress progress) {
    progress.start("writing " + DatasetFile.FOLLOWS.fileName(), follows.size(), "follows");
    CsvWriter out = writer.open(DatasetFile.FOLLOWS);
    for (int row = 0; row < follows.size(); row++) {
      out.cell(users.id(follows.user(row)))
          .cell(anchorId(catalog, follows.room(row)))
          .cell(follows.ts(row))
          .endRow();
      advance(progress, row + 1);
    }
    progress.advance(follows.size() % PROGRESS_BATCH);
    progress.finish(String.format(Locale.ROOT, "%,d follows", follows.size()));
  }

  private static void writeImpressions(
      DatasetWriter writer,
      ImpressionTable impressions,
      EcommUsers users,
      EcommCatalog catalog,
      EcommImportConfig config,
      Progress progress) {
    progress.start(
        "writing " + DatasetFile.IMPRESSIONS.fileName(), impressions.size(), "impressions");
    CsvWriter out = writer.open(DatasetFile.IMPRESSIONS, true);
    int[] labelBits = {
      ImpressionBuilder.CLICK,
      ImpressionBuilder.FOLLOW,
      ImpressionBuilder.CART,
      ImpressionBuilder.PURCHASE
    };
    int[] order = impressions.chronological();
    for (int i = 0; i < order.length; i++) {
      int row = order[i];
      long userId = users.id(impressions.user(row));
      out.cell(impressions.ts(row))
          .cell(userId)
          .cell(anchorId(catalog, impressions.room(row)))
          .cell(config.scenario())
          .empty() // refer_anchor_id: there is no refer room outside swipe
          .cell(impressions.position(row))
          .cell(requestId(userId, impressions.day(row), impressions.request(row)));
      for (int bit : labelBits) {
        out.cell(impressions.label(row, bit) ? 1 : 0);
      }
      out.endRow();
      advance(progress, i + 1);
    }
    progress.advance(impressions.size() % PROGRESS_BATCH);
    progress.finish(String.format(Locale.ROOT, "%,d impressions", impressions.size()));
  }

  /** {@code <user_id>-<yyyymmdd>-<n>}: the n-th room (from 0) the user touched that day. */
  static String requestId(long userId, int epochDay, int request) {
    return userId
        + "-"
        + LocalDate.ofEpochDay(epochDay).format(DateTimeFormatter.BASIC_ISO_DATE)
        + "-"
        + request;
  }

  static String anchorId(EcommCatalog catalog, int room) {
    return ANCHOR_PREFIX + catalog.categoryId(room);
  }

  private static void advance(Progress progress, long done) {
    if (done % PROGRESS_BATCH == 0) {
      progress.advance(PROGRESS_BATCH);
    }
  }

  private static EcommImportSummary summary(
      EcommCatalog catalog,
      EcommUsers users,
      EcommEvents events,
      EventTimeline timeline,
      EcommFollows follows,
      ImpressionTable impressions) {
    boolean[] active = new boolean[users.size()];
    int firstDay = Integer.MAX_VALUE;
    int lastDay = Integer.MIN_VALUE;
    for (int e = 0; e < events.size(); e++) {
      active[events.user(e)] = true;
      firstDay = Math.min(firstDay, events.day(e));
      lastDay = Math.max(lastDay, events.day(e));
    }
    long withoutEvents = 0;
    for (int user = 0; user < users.usersWithFeatures(); user++) {
      if (!active[user]) {
        withoutEvents++;
      }
    }
    ImpressionTable.Counts counts = impressions.counts();
    return new EcommImportSummary(
        LocalDate.ofEpochDay(firstDay),
        LocalDate.ofEpochDay(lastDay),
        users.size(),
        users.size() - users.usersWithFeatures(),
        withoutEvents,
        catalog.categoryCount(),
        catalog.itemCount(),
        catalog.itemCount(),
        events.size(),
        follows.size(),
        timeline.userDays(),
        counts.requests,
        impressions.size(),
        counts.requests,
        counts.followLabels,
        counts.cartLabels,
        counts.purchaseLabels,
        counts.impliedClicks,
        counts.impliedCarts,
        counts.repeatFollowLabels,
        counts.shortRequests);
  }
}
