package io.onair.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onair.dataset.Dataset;
import io.onair.dataset.ItemAction;
import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tiny world, read back with the project's own dataset reader (which already rejects unknown
 * ids, bad labels and missing columns), then checked for what the reader cannot know: live status,
 * slates, the label cascade, follows, purchases, and that the truth is the truth.
 */
class WorldSimulatorTest {
  private static final int CLICK = 0;
  private static final int VIEW10S = 1;
  private static final int WATCH = 2;
  private static final int LIKE = 3;
  private static final int COMMENT = 4;
  private static final int FOLLOW = 5;
  private static final int BAG = 6;
  private static final int CART = 7;
  private static final int PURCHASE = 8;
  private static final int GMV = 9;
  private static final String[] BINARY = {
    "click", "view10s", "like", "comment", "follow", "bag_click", "cart", "purchase"
  };
  private static final int[] BINARY_LABEL = {
    CLICK, VIEW10S, LIKE, COMMENT, FOLLOW, BAG, CART, PURCHASE
  };

  @TempDir static Path directory;
  private static SimulationConfig config;
  private static Dataset data;
  private static Dataset.Impressions impressions;
  private static float[][] truth;

  @BeforeAll
  static void simulate() {
    config = SimulationConfig.preset("tiny", 7);
    new WorldSimulator().simulate(config, directory, Progress.NONE);
    data = DatasetReader.read(directory);
    impressions = data.impressions();
    truth = data.truth().orElseThrow();
  }

  @Test
  void everyFileIsPresentWithItsExactHeader() throws IOException {
    Map<String, String> headers = new HashMap<>();
    headers.put("users.csv", "user_id,age_band,gender,city_tier");
    headers.put("anchors.csv", "anchor_id,category,fans_level");
    headers.put("items.csv", "item_id,category,price,is_brand");
    headers.put("anchor_items.csv", "anchor_id,item_id");
    headers.put("live_sessions.csv", "anchor_id,start_ts,end_ts");
    headers.put("follows.csv", "user_id,anchor_id,ts");
    headers.put("item_events.csv", "user_id,item_id,action,ts");
    headers.put(
        "impressions.csv",
        "ts,user_id,anchor_id,scenario,refer_anchor_id,position,request_id,click,view10s,"
            + "watch_seconds,like,comment,follow,bag_click,cart,purchase,gmv");
    headers.put(
        "truth/impressions.csv",
        "p_click,p_view10s,p_like,p_comment,p_follow,p_bag_click,p_cart,p_purchase,"
            + "p_refer_liked,refer_liked");
    for (Map.Entry<String, String> file : headers.entrySet()) {
      try (BufferedReader reader =
          Files.newBufferedReader(directory.resolve(file.getKey()), StandardCharsets.UTF_8)) {
        assertThat(reader.readLine()).as(file.getKey()).isEqualTo(file.getValue());
      }
    }
    assertThat(directory.resolve("manifest.json")).isRegularFile();
    assertThat(directory.resolve("truth/parameters.json")).isRegularFile();
    assertThat(data.manifest().scenarios()).containsExactly("channel", "app", "tab", "swipe");
    assertThat(data.targets().names())
        .containsExactly(
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
  }

  @Test
  void theWorldHasTheConfiguredSizeAndAUsefulNumberOfImpressions() {
    assertThat(data.userCount()).isEqualTo(300);
    assertThat(data.anchorCount()).isEqualTo(60);
    assertThat(data.itemCount()).isEqualTo(600);
    assertThat(data.categories().size()).isEqualTo(8);
    assertThat(impressions.size()).isBetween(15_000, 30_000);
    assertThat(truth).hasNumberOfRows(10); // by target; null for watch_seconds and gmv
    assertThat(truth[WATCH]).isNull();
    assertThat(truth[GMV]).isNull();
    for (int t : BINARY_LABEL) {
      assertThat(truth[t]).hasSize(impressions.size());
    }
    assertThat(data.follows().size()).isPositive();
    assertThat(data.itemEvents().size()).isPositive();
  }

  @Test
  void onlyLiveAnchorsAreShownAndReferRoomsAreLiveToo() {
    for (int i = 0; i < impressions.size(); i++) {
      long ts = impressions.ts()[i];
      assertThat(data.isLive(impressions.anchor()[i], ts)).as("impression %d", i).isTrue();
      if (impressions.refer()[i] >= 0) {
        assertThat(data.isLive(impressions.refer()[i], ts)).as("refer of %d", i).isTrue();
      }
    }
  }

  @Test
  void onlyAMinorityOfAnchorsIsLiveAtAnyTime() {
    long dayStart = config.world().startEpochSecond() + 3 * 86_400L;
    double peak = 0;
    for (int hour = 0; hour < 24; hour++) {
      int live = 0;
      for (int a = 0; a < data.anchorCount(); a++) {
        if (data.isLive(a, dayStart + hour * 3600L + 1800)) {
          live++;
        }
      }
      double share = (double) live / data.anchorCount();
      peak = Math.max(peak, share);
      assertThat(share).as("hour %d", hour).isLessThan(0.45);
      if (hour >= 3 && hour <= 6) {
        assertThat(share).as("night hour %d", hour).isLessThan(0.1);
      }
    }
    assertThat(peak).isGreaterThan(0.1);
  }

  @Test
  void referRoomsAppearInSwipeOnlyAndSlatesAreWellFormed() {
    int swipe = data.manifest().scenarioIndex("swipe");
    Map<Long, Integer> firstRow = new HashMap<>();
    Map<Long, Set<Integer>> anchorsOfRequest = new HashMap<>();
    long previousTs = Long.MIN_VALUE;
    long start = config.world().startEpochSecond();
    long end = start + config.world().days() * 86_400L;
    int swipeRequests = 0;
    int tabRequests = 0;
    for (int i = 0; i < impressions.size(); i++) {
      int scenario = impressions.scenario()[i];
      int refer = impressions.refer()[i];
      if (scenario == swipe) {
        assertThat(refer).as("swipe impression %d has a refer room", i).isNotNegative();
        assertThat(refer).isNotEqualTo(impressions.anchor()[i]);
      } else {
        assertThat(refer).as("impression %d outside swipe", i).isEqualTo(-1);
      }
      long ts = impressions.ts()[i];
      assertThat(ts).isBetween(start, end - 1).isGreaterThanOrEqualTo(previousTs);
      previousTs = ts;
      long request = impressions.request()[i];
      assertThat(request).isNotZero();
      Integer first = firstRow.putIfAbsent(request, i);
      if (first == null) {
        assertThat(impressions.position()[i]).isEqualTo(1);
        swipeRequests += scenario == swipe ? 1 : 0;
        tabRequests += scenario == data.manifest().scenarioIndex("tab") ? 1 : 0;
      } else {
        assertThat(impressions.position()[i]).isEqualTo(impressions.position()[i - 1] + 1);
        assertThat(impressions.request()[i - 1]).isEqualTo(request);
        assertThat(impressions.ts()[i]).isEqualTo(impressions.ts()[first]);
        assertThat(impressions.user()[i]).isEqualTo(impressions.user()[first]);
        assertThat(impressions.scenario()[i]).isEqualTo(impressions.scenario()[first]);
        assertThat(impressions.refer()[i]).isEqualTo(impressions.refer()[first]);
      }
      assertThat(
              anchorsOfRequest
                  .computeIfAbsent(request, r -> new HashSet<>())
                  .add(impressions.anchor()[i]))
          .as("anchor repeated in request %d", request)
          .isTrue();
    }
    double requests = firstRow.size();
    assertThat(tabRequests / requests).isBetween(0.03, 0.15);
    assertThat(swipeRequests / requests).isBetween(0.12, 0.40);
  }

  @Test
  void labelsFollowTheCascade() {
    int swipe = data.manifest().scenarioIndex("swipe");
    float[][] y = impressions.labels();
    for (int i = 0; i < impressions.size(); i++) {
      boolean click = y[CLICK][i] == 1;
      float watch = y[WATCH][i];
      if (!click) {
        for (int t : new int[] {VIEW10S, LIKE, COMMENT, FOLLOW, BAG}) {
          assertThat(y[t][i]).as("target %d without click at %d", t, i).isZero();
        }
        assertThat(watch).isZero();
      }
      assertThat(y[CART][i]).isLessThanOrEqualTo(y[BAG][i]);
      assertThat(y[PURCHASE][i]).isLessThanOrEqualTo(y[CART][i]);
      assertThat(y[GMV][i] > 0).as("gmv > 0 iff purchase at %d", i).isEqualTo(y[PURCHASE][i] == 1);
      if (impressions.scenario()[i] == swipe) {
        assertThat(y[VIEW10S][i]).isEqualTo(y[CLICK][i]);
        assertThat(watch >= 10).isEqualTo(click);
      } else {
        assertThat(y[VIEW10S][i] == 1).as("view10s == watch >= 10 at %d", i).isEqualTo(watch >= 10);
      }
    }
  }

  @Test
  void truthIsAProbabilityThatRespectsTheChain() {
    for (int i = 0; i < impressions.size(); i++) {
      for (int t : BINARY_LABEL) {
        assertThat(truth[t][i]).isBetween(0f, 1f);
      }
      float click = truth[CLICK][i];
      for (int t : new int[] {VIEW10S, LIKE, COMMENT, FOLLOW, BAG}) {
        assertThat(truth[t][i]).isLessThanOrEqualTo(click);
      }
      assertThat(truth[CART][i]).isLessThanOrEqualTo(truth[BAG][i]);
      assertThat(truth[PURCHASE][i]).isLessThanOrEqualTo(truth[CART][i]);
    }
  }

  @Test
  void labelRatesMatchTheMeanTruthWithinSamplingError() {
    for (int k = 0; k < BINARY.length; k++) {
      float[] labels = impressions.labels()[BINARY_LABEL[k]];
      float[] probabilities = truth[BINARY_LABEL[k]];
      double observed = 0;
      double expected = 0;
      double variance = 0;
      for (int i = 0; i < impressions.size(); i++) {
        double p = probabilities[i];
        observed += labels[i];
        expected += p;
        variance += p * (1 - p);
      }
      double tolerance = 4.5 * Math.sqrt(variance) + 2; // + rounding of truth to 6 decimals
      assertThat(observed)
          .as("%s: %.0f observed, %.1f expected", BINARY[k], observed, expected)
          .isBetween(expected - tolerance, expected + tolerance);
    }
    assertThat(sum(impressions.labels()[PURCHASE])).as("purchases").isGreaterThan(10);
  }

  @Test
  void referInterestIsTheSwipeCoinWithItsProbability() {
    Dataset.ReferInterest refer = data.referInterest().orElseThrow();
    assertThat(refer.size()).isEqualTo(impressions.size());
    int swipe = data.manifest().scenarios().indexOf("swipe");
    double liked = 0;
    double expected = 0;
    double variance = 0;
    double[] views = new double[2];
    double[] rows = new double[2];
    Map<Long, Float> probabilityOfRequest = new HashMap<>();
    for (int i = 0; i < impressions.size(); i++) {
      boolean inSwipe = impressions.scenario()[i] == swipe;
      assertThat(refer.liked()[i] >= 0).as("row %d has refer interest", i).isEqualTo(inSwipe);
      assertThat(Float.isNaN(refer.probability()[i])).isEqualTo(!inSwipe);
      if (!inSwipe) {
        continue;
      }
      float p = refer.probability()[i];
      // one refer room and one user per request: one probability
      assertThat(probabilityOfRequest.computeIfAbsent(impressions.request()[i], r -> p))
          .isEqualTo(p);
      liked += refer.liked()[i];
      expected += p;
      variance += p * (1 - p);
      views[refer.liked()[i]] += impressions.labels()[VIEW10S][i];
      rows[refer.liked()[i]]++;
    }
    double tolerance = 4.5 * Math.sqrt(variance) + 2;
    assertThat(liked).isBetween(expected - tolerance, expected + tolerance);
    assertThat(rows[0]).isGreaterThan(100);
    assertThat(rows[1]).isGreaterThan(100);
    // liking the refer room adds referSimilarity * sim(refer, room) to the view's logit, and half
    // the swipe slate comes from the refer room's category
    assertThat(views[1] / rows[1]).isGreaterThan(views[0] / rows[0] + 0.05);
  }

  @Test
  void truthRanksClicksFarBetterThanChance() {
    assertThat(auc(truth[CLICK], impressions.labels()[CLICK])).isGreaterThan(0.75);
    assertThat(auc(truth[PURCHASE], impressions.labels()[PURCHASE])).isGreaterThan(0.75);
  }

  @Test
  void followsGrowFromImpressionsAndNobodyFollowsTwice() {
    Dataset.Follows follows = data.follows();
    long start = config.world().startEpochSecond();
    Set<Long> following = new HashSet<>();
    Set<String> fromImpressions = new HashSet<>();
    for (int f = 0; f < follows.size(); f++) {
      long key = pair(follows.user()[f], follows.anchor()[f]);
      if (follows.ts()[f] < start) {
        assertThat(following.add(key)).as("initial follow %d repeated", f).isTrue();
      } else {
        fromImpressions.add(key + "@" + follows.ts()[f]);
      }
    }
    int followLabels = 0;
    for (int i = 0; i < impressions.size(); i++) {
      long key = pair(impressions.user()[i], impressions.anchor()[i]);
      boolean already = following.contains(key);
      assertThat(truth[FOLLOW][i] == 0f || !already)
          .as("p_follow of a followed anchor at %d", i)
          .isTrue();
      if (impressions.labels()[FOLLOW][i] == 1) {
        followLabels++;
        assertThat(already).isFalse();
        assertThat(fromImpressions).contains(key + "@" + impressions.ts()[i]);
        following.add(key);
      }
    }
    assertThat(followLabels).isPositive();
    assertThat(follows.size()).isEqualTo(following.size());
  }

  @Test
  void purchasesBuyThePresentedItemOfTheRoomAndLogABuyEvent() {
    Map<Integer, Set<Integer>> catalogue = new HashMap<>();
    Dataset.AnchorItems anchorItems = data.anchorItems();
    for (int r = 0; r < anchorItems.size(); r++) {
      int anchor = anchorItems.anchor()[r];
      int item = anchorItems.item()[r];
      catalogue.computeIfAbsent(anchor, a -> new HashSet<>()).add(item);
      assertThat(data.itemCategory()[item]).isEqualTo(data.anchorCategory()[anchor]);
    }
    assertThat(catalogue).hasSize(data.anchorCount()); // every anchor sells something
    Set<String> buys = new HashSet<>();
    Dataset.ItemEvents events = data.itemEvents();
    for (int e = 0; e < events.size(); e++) {
      if (events.action()[e] == ItemAction.BUY.ordinal()) {
        buys.add(events.user()[e] + ":" + events.item()[e] + "@" + events.ts()[e]);
      }
    }
    int purchases = 0;
    for (int i = 0; i < impressions.size(); i++) {
      if (impressions.labels()[PURCHASE][i] != 1) {
        continue;
      }
      purchases++;
      float gmv = impressions.labels()[GMV][i];
      boolean matched = false;
      for (int item : catalogue.get(impressions.anchor()[i])) {
        if (data.itemPrice()[item] == gmv
            && buys.contains(impressions.user()[i] + ":" + item + "@" + impressions.ts()[i])) {
          matched = true;
        }
      }
      assertThat(matched).as("purchase at %d has a buy event of a catalogue item", i).isTrue();
    }
    assertThat(purchases).isPositive();
    long[] ts = events.ts();
    for (int e = 1; e < ts.length; e++) {
      assertThat(ts[e]).isGreaterThanOrEqualTo(ts[e - 1]);
    }
  }

  @Test
  void promotionRaisesPurchaseIntent() throws IOException {
    JsonNode parameters =
        new ObjectMapper().readTree(directory.resolve("truth/parameters.json").toFile());
    long promotionStart = parameters.path("derived").path("promotion_start_ts").asLong();
    long promotionEnd = parameters.path("derived").path("promotion_end_ts").asLong();
    double[] sum = new double[2];
    int[] count = new int[2];
    for (int i = 0; i < impressions.size(); i++) {
      if (truth[CART][i] > 1e-4) { // purchase given cart, where the cart truth is well resolved
        int in =
            impressions.ts()[i] >= promotionStart && impressions.ts()[i] < promotionEnd ? 1 : 0;
        sum[in] += truth[PURCHASE][i] / truth[CART][i];
        count[in]++;
      }
    }
    assertThat(count[1]).isPositive();
    assertThat(sum[1] / count[1]).isGreaterThan(sum[0] / count[0] + 0.05);
  }

  @Test
  void parametersRecordTheEffectiveConfigurationAndRowCounts() throws IOException {
    JsonNode root =
        new ObjectMapper().readTree(directory.resolve("truth/parameters.json").toFile());
    assertThat(root.path("preset").asText()).isEqualTo("tiny");
    assertThat(root.path("seed").asLong()).isEqualTo(7);
    assertThat(root.path("config").path("world").path("users").asInt()).isEqualTo(300);
    assertThat(root.path("config").path("scenarios")).hasSize(4);
    assertThat(root.path("config").path("cascade").path("watchGridPoints").asInt()).isEqualTo(16);
    assertThat(root.path("rows").path("impressions.csv").asLong()).isEqualTo(impressions.size());
    assertThat(root.path("rows").path("truth/impressions.csv").asLong())
        .isEqualTo(impressions.size());
    assertThat(root.path("rows").path(DatasetFile.FOLLOWS.fileName()).asLong())
        .isEqualTo(data.follows().size());
  }

  @Test
  void profilesAndFansLevelsAreDeclaredCategoricalFeatures() {
    assertThat(data.userFeature("age_band")).isPresent();
    assertThat(data.userFeature("gender")).isPresent();
    assertThat(data.userFeature("city_tier")).isPresent();
    assertThat(data.anchorFeature("fans_level")).isPresent();
    Set<String> levels = new HashSet<>();
    for (int a = 0; a < data.anchorCount(); a++) {
      levels.add(data.anchorFeature("fans_level").orElseThrow().text(a));
    }
    assertThat(levels).isSubsetOf(List.of("lv1", "lv2", "lv3", "lv4", "lv5")).hasSizeGreaterThan(2);
  }

  private static long pair(int user, int anchor) {
    return ((long) user << 32) | anchor;
  }

  private static double sum(float[] values) {
    double s = 0;
    for (float v : values) {
      s += v;
    }
    return s;
  }

  /** Area under the ROC curve with ties given half credit. */
  static double auc(float[] score, float[] label) {
    int n = score.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(score[a], score[b]));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && score[order[j]] == score[order[i]]) {
        j++;
      }
      double averageRank = (i + j + 1) / 2.0;
      for (int k = i; k < j; k++) {
        if (label[order[k]] == 1) {
          rankSum += averageRank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = n - positives;
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
