package io.onair.simulator.session;

import io.onair.dataset.ItemAction;
import io.onair.simulator.CascadeParameters;
import io.onair.simulator.TrafficParameters;
import io.onair.simulator.cascade.CascadeModel;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;
import io.onair.simulator.schedule.AnchorSchedule;
import io.onair.simulator.schedule.Calendar;
import io.onair.simulator.world.Categories;
import io.onair.simulator.world.Items;
import io.onair.simulator.world.LatentSpace;
import io.onair.simulator.world.Users;

/**
 * Product browsing outside live rooms, which is where the item routes (U2I2A, U2I2I2A) get their
 * signal: each user has a Poisson number of browses a day (mean browsesPerSession x
 * sessionsPerUserDay x activity x the day's factor); a browse clicks an item of a favourite
 * category (or a popular one), drawn by item popularity, and may cascade: collect {@code
 * sigmoid(browseCollectBase + browseCollectAffinity ai)}; cart {@code sigmoid(browseCartBase +
 * cartPropensity prop + cartItemAffinity ai + priceFitWeight fit + cartPromotion promo)}; buy given
 * cart {@code sigmoid(browseBuyBase + purchasePropensity prop + priceFitWeight fit +
 * purchasePromotion promo)}. Collect follows the click by 5-60 s, cart by 10-120 s, buy the cart by
 * 30-600 s (kept within the day). Not thread-safe.
 */
public final class ProductBrowsing {
  private final Users users;
  private final Items items;
  private final Categories categories;
  private final LatentSpace space;
  private final TrafficParameters traffic;
  private final CascadeParameters cascade;
  private final Calendar calendar;
  private final Seeds seeds;
  private final ArrivalTimes arrivals;
  private final RandomStream random = new RandomStream(0);

  public ProductBrowsing(
      Users users,
      Items items,
      Categories categories,
      LatentSpace space,
      TrafficParameters traffic,
      CascadeParameters cascade,
      Calendar calendar,
      Seeds seeds) {
    this.users = users;
    this.items = items;
    this.categories = categories;
    this.space = space;
    this.traffic = traffic;
    this.cascade = cascade;
    this.calendar = calendar;
    this.seeds = seeds;
    this.arrivals = new ArrivalTimes(users, traffic);
  }

  /** Adds every user's browsing of {@code day} to {@code events}. */
  public void browse(int day, ItemEventBuffer events) {
    double factor =
        traffic.browsesPerSession() * traffic.sessionsPerUserDay() * calendar.trafficFactor(day);
    double promotion = calendar.isPromotion(day) ? 1 : 0;
    int dayStart = day * AnchorSchedule.DAY;
    int dayLast = dayStart + AnchorSchedule.DAY - 1;
    for (int u = 0; u < users.count(); u++) {
      random.reseed(seeds.seed(StreamKind.BROWSING, u, day));
      int n = random.nextPoisson(factor * users.activity(u));
      for (int b = 0; b < n; b++) {
        int t = dayStart + arrivals.secondOfDay(u, random);
        int category =
            random.nextDouble() < traffic.favouriteCategoryShare()
                ? users.sampleFavourite(u, random)
                : categories.sampleByPopularity(random);
        int item = items.samplePopularInCategory(category, random);
        double affinity = space.dot(users.tastes(), u, items.latents(), item);
        double fit = users.priceFit(u, items.logPrice(item));
        double propensity = users.propensity(u);
        events.add(t, u, item, ItemAction.CLICK);
        if (random.nextDouble()
            < CascadeModel.sigmoid(
                cascade.browseCollectBase() + cascade.browseCollectAffinity() * affinity)) {
          events.add(Math.min(dayLast, t + 5 + random.nextInt(56)), u, item, ItemAction.COLLECT);
        }
        double cart =
            CascadeModel.sigmoid(
                cascade.browseCartBase()
                    + cascade.cartPropensity() * propensity
                    + cascade.cartItemAffinity() * affinity
                    + cascade.priceFitWeight() * fit
                    + cascade.cartPromotion() * promotion);
        if (random.nextDouble() < cart) {
          int cartTime = Math.min(dayLast, t + 10 + random.nextInt(111));
          events.add(cartTime, u, item, ItemAction.CART);
          double buy =
              CascadeModel.sigmoid(
                  cascade.browseBuyBase()
                      + cascade.purchasePropensity() * propensity
                      + cascade.priceFitWeight() * fit
                      + cascade.purchasePromotion() * promotion);
          if (random.nextDouble() < buy) {
            events.add(
                Math.min(dayLast, cartTime + 30 + random.nextInt(571)), u, item, ItemAction.BUY);
          }
        }
      }
    }
  }
}
