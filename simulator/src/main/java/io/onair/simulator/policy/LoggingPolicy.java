package io.onair.simulator.policy;

import static java.util.Objects.requireNonNull;

import io.onair.simulator.TrafficParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.WeightedChoice;
import io.onair.simulator.schedule.AnchorSchedule;
import io.onair.simulator.schedule.DayLiveIndex;
import io.onair.simulator.world.Anchors;
import io.onair.simulator.world.Categories;
import io.onair.simulator.world.FollowGraph;
import io.onair.simulator.world.LatentSpace;
import io.onair.simulator.world.Users;

/**
 * The biased policy that produced the logs: each slot of a slate is filled by one of four routes
 * (popular live anchors, live followed anchors, live anchors of a favourite category, any live
 * anchor uniformly), in swipe also by live anchors of the refer room's category; then the slate is
 * ordered by a noisy score that favours popular and followed rooms. Only rooms live at the request
 * time with at least minRemainingSeconds left are shown. Every draw is O(log n) in the hour's live
 * list and a slate gets at most 8 draws per position (fewer rooms are shown when few are live, at
 * night), so a slate costs O(slate size).
 *
 * <p>Not thread-safe (it reads the growing follow graph).
 */
public final class LoggingPolicy {
  private static final int POPULAR = 0;
  private static final int FOLLOWED = 1;
  private static final int CATEGORY = 2;
  private static final int EXPLORE = 3;
  private static final int ATTEMPTS_PER_SLOT = 8;

  private final TrafficParameters traffic;
  private final Users users;
  private final Anchors anchors;
  private final Categories categories;
  private final AnchorSchedule schedule;
  private final FollowGraph follows;
  private final LatentSpace space;
  private final WeightedChoice routes;

  public LoggingPolicy(
      TrafficParameters traffic,
      Users users,
      Anchors anchors,
      Categories categories,
      AnchorSchedule schedule,
      FollowGraph follows,
      LatentSpace space) {
    this.traffic = requireNonNull(traffic, "traffic is null");
    this.users = requireNonNull(users, "users is null");
    this.anchors = requireNonNull(anchors, "anchors is null");
    this.categories = requireNonNull(categories, "categories is null");
    this.schedule = requireNonNull(schedule, "schedule is null");
    this.follows = requireNonNull(follows, "follows is null");
    this.space = requireNonNull(space, "space is null");
    this.routes =
        new WeightedChoice(
            new double[] {
              traffic.policyPopularityWeight(),
              traffic.policyFollowWeight(),
              traffic.policyCategoryWeight(),
              traffic.policyExploreWeight()
            });
  }

  /**
   * The refer room of a swipe session at time {@code t}: with probability referLikedShare the best
   * (by the user's affinity) of three popular live rooms of a favourite category, otherwise a
   * popular live room whatever the user's taste. Returns -1 when no room is live.
   */
  public int chooseRefer(int user, int t, DayLiveIndex index, RandomStream random) {
    int hour = hourOf(t, index);
    if (random.nextDouble() < traffic.referLikedShare()) {
      int category = users.sampleFavourite(user, random);
      int best = -1;
      double bestAffinity = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < 3; i++) {
        int a = index.samplePopularInCategory(hour, category, random);
        if (a >= 0 && schedule.isShowable(a, t)) {
          double affinity = space.dot(users.tastes(), user, anchors.styles(), a);
          if (affinity > bestAffinity) {
            best = a;
            bestAffinity = affinity;
          }
        }
      }
      if (best >= 0) {
        return best;
      }
    }
    for (int i = 0; i < ATTEMPTS_PER_SLOT; i++) {
      int a = index.samplePopular(hour, random);
      if (a >= 0 && schedule.isShowable(a, t)) {
        return a;
      }
    }
    return -1;
  }

  /**
   * Fills {@code slate} for a request of {@code user} at time {@code t} in {@code scenario}, with
   * at most {@code size} distinct live rooms, never the refer room ({@code refer} -1 outside
   * swipe).
   */
  public void fill(
      int user, int refer, int t, int size, DayLiveIndex index, RandomStream random, Slate slate) {
    int hour = hourOf(t, index);
    slate.size = 0;
    int referCategory = refer >= 0 ? anchors.category(refer) : -1;
    // A shared budget of draws keeps a slate O(size) when few rooms are live (nights, tiny worlds).
    int budget = ATTEMPTS_PER_SLOT * size;
    while (slate.size < size && budget-- > 0) {
      int a;
      if (referCategory >= 0 && random.nextDouble() < traffic.swipeReferCategoryShare()) {
        a = index.samplePopularInCategory(hour, referCategory, random);
      } else {
        a = draw(routes.sample(random), user, t, hour, index, random, slate, refer);
      }
      if (a < 0 || a == refer || slate.contains(a) || !schedule.isShowable(a, t)) {
        continue;
      }
      slate.anchors[slate.size] = a;
      slate.scores[slate.size] =
          traffic.policyRankPopularity() * anchors.popularityZ(a)
              + traffic.policyRankFollow() * (follows.follows(user, a) ? 1 : 0)
              + traffic.policyRankNoise() * random.nextGumbel();
      slate.size++;
    }
    // Insertion sort by descending score; ties keep draw order.
    for (int i = 1; i < slate.size; i++) {
      for (int j = i; j > 0 && slate.scores[j] > slate.scores[j - 1]; j--) {
        double s = slate.scores[j];
        slate.scores[j] = slate.scores[j - 1];
        slate.scores[j - 1] = s;
        int a = slate.anchors[j];
        slate.anchors[j] = slate.anchors[j - 1];
        slate.anchors[j - 1] = a;
      }
    }
  }

  private int draw(
      int route,
      int user,
      int t,
      int hour,
      DayLiveIndex index,
      RandomStream random,
      Slate slate,
      int refer) {
    switch (route) {
      case POPULAR:
        return index.samplePopular(hour, random);
      case FOLLOWED:
        return followedLive(user, t, random, slate, refer);
      case CATEGORY:
        int category =
            random.nextDouble() < traffic.favouriteCategoryShare()
                ? users.sampleFavourite(user, random)
                : categories.sampleByPopularity(random);
        return index.samplePopularInCategory(hour, category, random);
      case EXPLORE:
        return index.sampleUniform(hour, random);
      default:
        throw new IllegalStateException("unknown route " + route);
    }
  }

  /** A followed room showable at t and not yet in the slate, uniformly (reservoir), or -1. */
  private int followedLive(int user, int t, RandomStream random, Slate slate, int refer) {
    int chosen = -1;
    int seen = 0;
    for (int i = 0, n = follows.count(user); i < n; i++) {
      int a = follows.anchor(user, i);
      if (a != refer && !slate.contains(a) && schedule.isShowable(a, t)) {
        seen++;
        if (random.nextInt(seen) == 0) {
          chosen = a;
        }
      }
    }
    return chosen;
  }

  private static int hourOf(int t, DayLiveIndex index) {
    return Math.floorDiv(t - index.day() * AnchorSchedule.DAY, 3600);
  }
}
