package io.onair.importer.ecomm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.manifest.FeatureSpec;
import io.onair.dataset.manifest.FeatureType;
import io.onair.dataset.manifest.ManifestCodec;
import io.onair.dataset.progress.Progress;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping, checked exactly on the hand-written fixture in src/test/resources/ecomm/small:
 *
 * <pre>
 * items  101, 102 in cate 11 and 103 in cate 12 (top 1); 104 in cate 21, 105 in cate 22 (top 2)
 * users  1 and 3 with features, 2 with every feature unknown (-1); 9 only in the log
 * 06-10  user 1: cart 102 (before its click in the source), click 101, click 102, collect 104
 * 06-11  user 1: buy 103 (no click, no cart); user 2: click 105, click 101; user 9: click 101
 * 06-12  user 1: collect 104 again
 * </pre>
 */
class EcommImporterTest {
  private static final long JUNE_10 = LocalDate.of(2019, 6, 10).toEpochDay() * 86_400;
  private static final long JUNE_11 = JUNE_10 + 86_400;
  private static final long JUNE_12 = JUNE_11 + 86_400;

  @TempDir Path temp;
  private Path in;

  @BeforeEach
  void copyFixture() throws IOException, URISyntaxException {
    in = fixtureCopy(temp.resolve("in"));
  }

  static Path fixtureCopy(Path target) throws IOException, URISyntaxException {
    Path fixture = Path.of(EcommImporterTest.class.getResource("/ecomm/small").toURI());
    Files.createDirectories(target);
    for (String name :
        List.of(EcommCatalog.FILE_NAME, EcommUsers.FILE_NAME, EcommEvents.FILE_NAME)) {
      Files.copy(fixture.resolve(name), target.resolve(name));
    }
    return target;
  }

  private EcommImportSummary importDefaults(Path out) {
    return EcommImporter.importInto(in, out, EcommImportConfig.defaults(), Progress.NONE);
  }

  private static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void writesTheManifest() {
    Path out = temp.resolve("out");
    importDefaults(out);

    DatasetManifest manifest = ManifestCodec.read(out);
    assertThat(manifest.name()).isEqualTo("ecomm-cikm2019");
    assertThat(manifest.scenarios()).containsExactly("channel");
    assertThat(manifest.targetGraph().toString())
        .isEqualTo("click, follow <- click, cart <- click, purchase <- cart");
    assertThat(manifest.featuresOf(DatasetFile.USERS))
        .extracting(FeatureSpec::name, FeatureSpec::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gender", FeatureType.CATEGORICAL),
            org.assertj.core.groups.Tuple.tuple("age_level", FeatureType.CATEGORICAL),
            org.assertj.core.groups.Tuple.tuple("education", FeatureType.CATEGORICAL),
            org.assertj.core.groups.Tuple.tuple("career", FeatureType.CATEGORICAL),
            org.assertj.core.groups.Tuple.tuple("income", FeatureType.NUMERIC),
            org.assertj.core.groups.Tuple.tuple("stage_list", FeatureType.LIST));
    assertThat(Files.exists(out.resolve(DatasetFile.LIVE_SESSIONS.fileName()))).isFalse();
  }

  @Test
  void usersKeepTheirFeaturesWithUnknownAsEmptyAndLogOnlyUsersLast() throws IOException {
    Path out = temp.resolve("out");
    importDefaults(out);

    assertThat(text(out.resolve("users.csv")))
        .isEqualTo(
            """
            user_id,gender,age_level,education,career,income,stage_list
            1,0,3,,9,5000.5,1|4|5
            2,1,,,,,
            3,0,4,2,2,100,6
            9,,,,,,
            """);
  }

  @Test
  void eachLeafCategoryIsARoomSellingItsItems() throws IOException {
    Path out = temp.resolve("out");
    importDefaults(out);

    assertThat(text(out.resolve("anchors.csv")))
        .isEqualTo(
            """
            anchor_id,category,top_category,item_count
            c11,11,1,2
            c12,12,1,1
            c21,21,2,1
            c22,22,2,1
            """);
    assertThat(text(out.resolve("items.csv")))
        .isEqualTo(
            """
            item_id,category,price,top_category,brand
            101,11,10.5,1,
            102,11,20,1,7
            103,12,5.25,1,
            104,21,44.4,2,
            105,22,3,2,
            """);
    assertThat(text(out.resolve("anchor_items.csv")))
        .isEqualTo(
            """
            anchor_id,item_id
            c11,101
            c11,102
            c12,103
            c21,104
            c22,105
            """);
  }

  @Test
  void itemEventsGetTimesWithinTheirDayInFunnelOrder() throws IOException {
    Path out = temp.resolve("out");
    importDefaults(out);

    // June 10, user 1, four events in the slots 1/8, 3/8, 5/8, 7/8 of the day: item 102 first (its
    // first record), click before cart although the source has the cart first, then 101, then 104.
    // June 11: one or two events per user; the file is in time order, users in users.csv order.
    assertThat(text(out.resolve("item_events.csv")))
        .isEqualTo(
            "user_id,item_id,action,ts\n"
                + ("1,102,click," + (JUNE_10 + 10_800) + "\n")
                + ("1,102,cart," + (JUNE_10 + 32_400) + "\n")
                + ("1,101,click," + (JUNE_10 + 54_000) + "\n")
                + ("1,104,collect," + (JUNE_10 + 75_600) + "\n")
                + ("2,105,click," + (JUNE_11 + 21_600) + "\n")
                + ("1,103,buy," + (JUNE_11 + 43_200) + "\n")
                + ("9,101,click," + (JUNE_11 + 43_200) + "\n")
                + ("2,101,click," + (JUNE_11 + 64_800) + "\n")
                + ("1,104,collect," + (JUNE_12 + 43_200) + "\n"));
  }

  @Test
  void theFirstCollectInARoomIsAFollow() throws IOException {
    Path out = temp.resolve("out");
    importDefaults(out);

    assertThat(text(out.resolve("follows.csv")))
        .isEqualTo("user_id,anchor_id,ts\n1,c21," + (JUNE_10 + 75_600) + "\n");
  }

  @Test
  void eachTouchedRoomIsARequestWithItsLabelsAndUntouchedRoomsAsNegatives() {
    Path out = temp.resolve("out");
    EcommImportSummary summary = importDefaults(out);

    CsvTable impressions = CsvTable.read(out.resolve("impressions.csv"));
    assertThat(impressions.header())
        .containsExactly(
            "ts",
            "user_id",
            "anchor_id",
            "scenario",
            "refer_anchor_id",
            "position",
            "request_id",
            "click",
            "follow",
            "cart",
            "purchase");
    Map<String, List<Map<String, String>>> byRequest =
        impressions.rows().stream()
            .collect(
                Collectors.groupingBy(
                    row -> row.get("request_id"), TreeMap::new, Collectors.toList()));

    // request -> ts, clicked room, its labels (follow, cart, purchase), the rooms shown with it.
    // With 4 rooms and 4 negatives asked, every request shows every room the user did not touch.
    assertRequest(byRequest, "1-20190610-0", JUNE_10 + 10_800, "c11", "010", "c12", "c22");
    assertRequest(byRequest, "1-20190610-1", JUNE_10 + 75_600, "c21", "100", "c12", "c22");
    assertRequest(byRequest, "1-20190611-0", JUNE_11 + 43_200, "c12", "011", "c11", "c21", "c22");
    assertRequest(byRequest, "1-20190612-0", JUNE_12 + 43_200, "c21", "100", "c11", "c12", "c22");
    assertRequest(byRequest, "2-20190611-0", JUNE_11 + 21_600, "c22", "000", "c12", "c21");
    assertRequest(byRequest, "2-20190611-1", JUNE_11 + 64_800, "c11", "000", "c12", "c21");
    assertRequest(byRequest, "9-20190611-0", JUNE_11 + 43_200, "c11", "000", "c12", "c21", "c22");
    assertThat(byRequest).hasSize(7);

    assertThat(impressions.rows())
        .allSatisfy(
            row -> {
              assertThat(row.get("scenario")).isEqualTo("channel");
              assertThat(row.get("refer_anchor_id")).isEmpty();
            });
    List<Long> times = impressions.column("ts").stream().map(Long::parseLong).toList();
    assertThat(times).isSorted();

    assertThat(summary)
        .isEqualTo(
            new EcommImportSummary(
                LocalDate.of(2019, 6, 10),
                LocalDate.of(2019, 6, 12),
                4, // users
                1, // without features: user 9
                1, // without events: user 3
                4, // anchors
                5, // items
                5, // anchor items
                9, // item events
                1, // follows
                5, // user-days
                7, // requests
                24, // impressions: 7 clicked + 17 not
                7, // click labels
                2, // follow labels
                2, // cart labels: a cart on June 10, the buy on June 11
                1, // purchase labels
                3, // implied clicks: collect-only c21 twice, buy-only c12
                1, // implied carts: the buy of 103 without a cart
                1, // repeat follow labels: c21 collected again on June 12
                7)); // short requests: no user-day leaves 4 rooms to show
    assertThat(summary.negativeImpressions()).isEqualTo(17);
  }

  private static void assertRequest(
      Map<String, List<Map<String, String>>> byRequest,
      String requestId,
      long ts,
      String clicked,
      String followCartPurchase,
      String... shownNotClicked) {
    List<Map<String, String>> rows = byRequest.get(requestId);
    assertThat(rows).as(requestId).isNotNull().hasSize(1 + shownNotClicked.length);
    assertThat(rows)
        .as(requestId + " time")
        .allSatisfy(row -> assertThat(row.get("ts")).isEqualTo(Long.toString(ts)));
    assertThat(rows.stream().map(row -> Integer.parseInt(row.get("position"))))
        .as(requestId + " positions")
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, rows.size()).boxed().toList());
    List<String> negatives = new ArrayList<>();
    for (Map<String, String> row : rows) {
      String labels = row.get("follow") + row.get("cart") + row.get("purchase");
      if (row.get("anchor_id").equals(clicked)) {
        assertThat(row.get("click")).as(requestId + " click").isEqualTo("1");
        assertThat(labels).as(requestId + " follow, cart, purchase").isEqualTo(followCartPurchase);
      } else {
        assertThat(row.get("click") + labels).as(requestId + " negative").isEqualTo("0000");
        negatives.add(row.get("anchor_id"));
      }
    }
    assertThat(negatives).as(requestId + " negatives").containsExactlyInAnyOrder(shownNotClicked);
  }

  @Test
  void fewerNegativesPerPositiveAreSampledAmongUntouchedRooms() {
    Path out = temp.resolve("out");
    EcommImportSummary summary =
        EcommImporter.importInto(
            in, out, EcommImportConfig.defaults().withNegativesPerPositive(1), Progress.NONE);

    assertThat(summary.requests()).isEqualTo(7);
    assertThat(summary.impressions()).isEqualTo(14);
    assertThat(summary.shortRequests()).isZero();
    CsvTable impressions = CsvTable.read(out.resolve("impressions.csv"));
    Map<String, Set<String>> touched =
        Map.of(
            "1-20190610", Set.of("c11", "c21"),
            "1-20190611", Set.of("c12"),
            "1-20190612", Set.of("c21"),
            "2-20190611", Set.of("c22", "c11"),
            "9-20190611", Set.of("c11"));
    for (Map<String, String> row : impressions.rows()) {
      String userDay = row.get("request_id").substring(0, row.get("request_id").lastIndexOf('-'));
      if (row.get("click").equals("0")) {
        assertThat(touched.get(userDay)).doesNotContain(row.get("anchor_id"));
      }
    }
  }

  @Test
  void labelsFollowTheTargetGraph() {
    Path out = temp.resolve("out");
    importDefaults(out);

    assertLabelsFollowTheTargetGraph(CsvTable.read(out.resolve("impressions.csv")));
  }

  static void assertLabelsFollowTheTargetGraph(CsvTable impressions) {
    assertThat(impressions.rows())
        .allSatisfy(
            row -> {
              int click = Integer.parseInt(row.get("click"));
              int follow = Integer.parseInt(row.get("follow"));
              int cart = Integer.parseInt(row.get("cart"));
              int purchase = Integer.parseInt(row.get("purchase"));
              assertThat(follow).as("follow <= click in %s", row).isLessThanOrEqualTo(click);
              assertThat(cart).as("cart <= click in %s", row).isLessThanOrEqualTo(click);
              assertThat(purchase).as("purchase <= cart in %s", row).isLessThanOrEqualTo(cart);
            });
  }

  @Test
  void theSameInputAndConfigurationGiveTheSameBytes() throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    importDefaults(first);
    importDefaults(second);

    assertThat(fileNames(first)).isEqualTo(fileNames(second));
    for (String name : fileNames(first)) {
      assertThat(Files.readAllBytes(second.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
  }

  @Test
  void anotherSeedReshufflesOnlyTheImpressions() throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    importDefaults(first);
    EcommImporter.importInto(in, second, EcommImportConfig.defaults().withSeed(7), Progress.NONE);

    for (String name : fileNames(first)) {
      if (!name.equals("impressions.csv") && !name.equals("manifest.json")) {
        assertThat(text(second.resolve(name))).as(name).isEqualTo(text(first.resolve(name)));
      }
    }
    assertThat(text(second.resolve("impressions.csv")))
        .isNotEqualTo(text(first.resolve("impressions.csv")));
  }

  @Test
  void reimportsIntoItsOwnOutputButRefusesForeignFiles() throws IOException {
    Path out = temp.resolve("out");
    importDefaults(out);
    String before = text(out.resolve("impressions.csv"));
    importDefaults(out);
    assertThat(text(out.resolve("impressions.csv"))).isEqualTo(before);

    Files.writeString(out.resolve("live_sessions.csv"), "anchor_id,start_ts,end_ts\n");
    assertThatThrownBy(() -> importDefaults(out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("live_sessions.csv")
        .hasMessageContaining("empty or new directory");
  }

  @Test
  void reportsProgressStageByStage() {
    List<String> stages = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    Progress recording =
        new Progress() {
          @Override
          public void start(String stage, long total, String unit) {
            stages.add(stage);
          }

          @Override
          public void advance(long done) {}

          @Override
          public void finish(String summary) {
            summaries.add(summary);
          }
        };
    EcommImporter.importInto(in, temp.resolve("out"), EcommImportConfig.defaults(), recording);

    assertThat(stages)
        .containsExactly(
            "reading ecomm_item_feature.txt",
            "reading ecomm_user_feature.txt",
            "reading ecomm_edge_train.txt",
            "ordering each user's day of events",
            "building impressions",
            "writing users.csv",
            "writing anchors.csv",
            "writing items.csv",
            "writing anchor_items.csv",
            "writing item_events.csv",
            "writing follows.csv",
            "writing impressions.csv");
    assertThat(summaries).hasSameSizeAs(stages);
    assertThat(summaries.get(0)).isEqualTo("5 items in 4 categories; distinct cate_1_id: 2");
    assertThat(summaries.get(2)).contains("9 events").contains("added without features: [9]");
  }

  private static List<String> fileNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
