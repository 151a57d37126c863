package io.onair.simulator.session;

import io.onair.dataset.ItemAction;
import io.onair.dataset.csv.CsvWriter;
import io.onair.simulator.CascadeParameters;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.cascade.CascadeModel;
import io.onair.simulator.cascade.ImpressionContext;
import io.onair.simulator.cascade.ImpressionOutcome;
import io.onair.simulator.policy.LoggingPolicy;
import io.onair.simulator.policy.Slate;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;
import io.onair.simulator.schedule.AnchorSchedule;
import io.onair.simulator.schedule.Calendar;
import io.onair.simulator.schedule.DayLiveIndex;
import io.onair.simulator.world.Anchors;
import io.onair.simulator.world.Catalogue;
import io.onair.simulator.world.Categories;
import io.onair.simulator.world.EntityIds;
import io.onair.simulator.world.FollowGraph;
import io.onair.simulator.world.Items;
import io.onair.simulator.world.LatentSpace;
import io.onair.simulator.world.Users;

/**
 * Runs one session: the refer room (swipe), the slate, and for each position the label cascade;
 * then writes the impression rows, their truth rows, the follows that happened and the in-room
 * purchases (as {@code buy} item events). All impressions of a session share the request's time.
 * The room's presented item is {@code catalogue[(floor((t - sessionStart) / featuredItemSeconds) +
 * 7 * sessionDay) mod catalogueSize]}.
 *
 * <p>Reuses one random stream, one slate and one cascade scratch: no allocation per impression
 * beyond the id strings. Not thread-safe.
 */
public final class SessionRunner {
  private final SimulationConfig config;
  private final Users users;
  private final Anchors anchors;
  private final Items items;
  private final Categories categories;
  private final LatentSpace space;
  private final AnchorSchedule schedule;
  private final FollowGraph follows;
  private final Calendar calendar;
  private final Seeds seeds;
  private final EntityIds ids;
  private final LoggingPolicy policy;
  private final CascadeModel cascade;
  private final CsvWriter impressions;
  private final CsvWriter truth;
  private final CsvWriter followsOut;
  private final ItemEventBuffer events;
  private final int featuredItemSeconds;
  private final String[] scenarioNames;

  private final RandomStream random = new RandomStream(0);
  private final Slate slate = new Slate();
  private final ImpressionContext context = new ImpressionContext();
  private final ImpressionOutcome outcome = new ImpressionOutcome();
  private final StringBuilder requestId = new StringBuilder(16);
  private long requests;
  private long impressionRows;
  private long dynamicFollows;
  private long inRoomPurchases;

  /** The world and the open output files a runner works on. */
  public record Sinks(
      CsvWriter impressions, CsvWriter truth, CsvWriter follows, ItemEventBuffer events) {}

  /** The world a runner works in. */
  public record WorldView(
      Users users,
      Anchors anchors,
      Items items,
      Categories categories,
      LatentSpace space,
      AnchorSchedule schedule,
      FollowGraph follows,
      Calendar calendar,
      EntityIds ids) {}

  public SessionRunner(SimulationConfig config, WorldView world, Seeds seeds, Sinks sinks) {
    this.config = config;
    this.users = world.users();
    this.anchors = world.anchors();
    this.items = world.items();
    this.categories = world.categories();
    this.space = world.space();
    this.schedule = world.schedule();
    this.follows = world.follows();
    this.calendar = world.calendar();
    this.ids = world.ids();
    this.seeds = seeds;
    this.policy =
        new LoggingPolicy(config.traffic(), users, anchors, categories, schedule, follows, space);
    this.cascade = new CascadeModel(config.cascade(), config.scenarios());
    this.impressions = sinks.impressions();
    this.truth = sinks.truth();
    this.followsOut = sinks.follows();
    this.events = sinks.events();
    this.featuredItemSeconds = config.schedule().featuredItemMinutes() * 60;
    this.scenarioNames = SimulationConfig.SCENARIO_NAMES.toArray(new String[0]);
  }

  /** Runs the session {@code ordinal} (in time order) of {@code day}, planned as {@code key}. */
  public void run(int day, int ordinal, long key, DayLiveIndex index) {
    int user = SessionPlanner.user(key);
    int scenario = SessionPlanner.scenario(key);
    int t = day * AnchorSchedule.DAY + SessionPlanner.secondOfDay(key);
    random.reseed(seeds.seed(StreamKind.SESSION, day, ordinal));
    boolean swipe = scenario == SimulationConfig.SWIPE;
    int refer = -1;
    double referLike = 0;
    if (swipe) {
      refer = policy.chooseRefer(user, t, index, random);
      if (refer < 0) {
        return; // nothing is live: the user leaves
      }
      CascadeParameters p = config.cascade();
      referLike =
          CascadeModel.sigmoid(
              p.referLikeBase()
                  + p.referLikeAffinity()
                      * space.dot(users.tastes(), user, anchors.styles(), refer));
    }
    policy.fill(user, refer, t, config.scenario(scenario).slateSize(), index, random, slate);
    if (slate.size() == 0) {
      return;
    }
    requests++;
    requestId.setLength(0);
    String request = requestId.append('r').append(requests).toString();
    String userId = ids.user(user);
    String referId = refer >= 0 ? ids.anchor(refer) : "";
    long epochTime = calendar.epochStart() + t;
    boolean promotion = calendar.isPromotion(day);
    Catalogue catalogue = items.catalogue();

    ImpressionContext c = context;
    c.scenario = scenario;
    c.userBias = users.clickBias(user);
    c.propensity = users.propensity(user);
    c.promotion = promotion;
    c.referLikeProbability = referLike;
    for (int i = 0; i < slate.size(); i++) {
      int anchor = slate.anchor(i);
      int sessionDay = schedule.showableSessionDay(anchor, t);
      int sessionStart = schedule.start(anchor, sessionDay);
      int item =
          catalogue.item(
              anchor,
              (int)
                  Math.floorMod(
                      (long) (t - sessionStart) / featuredItemSeconds + 7L * sessionDay,
                      (long) catalogue.size(anchor)));
      c.position = i + 1;
      c.affinity = space.dot(users.tastes(), user, anchors.styles(), anchor);
      c.quality = anchors.quality(anchor);
      c.popularityZ = anchors.popularityZ(anchor);
      c.following = follows.follows(user, anchor);
      c.referSimilarity = swipe ? space.dot(anchors.styles(), refer, anchors.styles(), anchor) : 0;
      c.remainingSeconds = schedule.end(anchor, sessionDay) - t;
      c.categoryTaste =
          space.dot(users.tastes(), user, categories.centroids(), anchors.category(anchor));
      c.itemAffinity = space.dot(users.tastes(), user, items.latents(), item);
      c.priceFit = users.priceFit(user, items.logPrice(item));
      cascade.evaluate(c, random, outcome);

      ImpressionOutcome o = outcome;
      if (o.follow && follows.add(user, anchor)) {
        followsOut.cell(userId);
        followsOut.cell(ids.anchor(anchor));
        followsOut.cell(epochTime);
        followsOut.endRow();
        dynamicFollows++;
      }
      if (o.purchase) {
        events.add(t, user, item, ItemAction.BUY);
        inRoomPurchases++;
      }
      // ts, user_id, anchor_id, scenario, refer_anchor_id, position, request_id, then the targets.
      impressions.cell(epochTime);
      impressions.cell(userId);
      impressions.cell(ids.anchor(anchor));
      impressions.cell(scenarioNames[scenario]);
      impressions.cell(referId);
      impressions.cell(i + 1);
      impressions.cell(request);
      impressions.cell(o.click ? 1 : 0);
      impressions.cell(swipe ? (o.click ? 1 : 0) : (o.view10s ? 1 : 0));
      impressions.cell(o.watchSeconds);
      impressions.cell(o.like ? 1 : 0);
      impressions.cell(o.comment ? 1 : 0);
      impressions.cell(o.follow ? 1 : 0);
      impressions.cell(o.bagClick ? 1 : 0);
      impressions.cell(o.cart ? 1 : 0);
      impressions.cell(o.purchase ? 1 : 0);
      if (o.purchase) {
        impressions.cell(items.price(item), 2);
      } else {
        impressions.cell(0);
      }
      impressions.endRow();
      // p_click, p_view10s, p_like, p_comment, p_follow, p_bag_click, p_cart, p_purchase.
      truth.cell(o.pClick, 6);
      truth.cell(o.pView10s, 6);
      truth.cell(o.pLike, 6);
      truth.cell(o.pComment, 6);
      truth.cell(o.pFollow, 6);
      truth.cell(o.pBagClick, 6);
      truth.cell(o.pCart, 6);
      truth.cell(o.pPurchase, 6);
      // p_refer_liked, refer_liked: the swipe coin L and its probability, empty outside swipe.
      if (swipe) {
        truth.cell(o.pReferLiked, 6);
        truth.cell(o.referLiked ? 1 : 0);
      } else {
        truth.cell("");
        truth.cell("");
      }
      truth.endRow();
      impressionRows++;
    }
  }

  public long requests() {
    return requests;
  }

  public long impressions() {
    return impressionRows;
  }

  public long dynamicFollows() {
    return dynamicFollows;
  }

  public long inRoomPurchases() {
    return inRoomPurchases;
  }
}
