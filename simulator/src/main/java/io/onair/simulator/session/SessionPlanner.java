package io.onair.simulator.session;

import io.onair.simulator.TrafficParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;
import io.onair.simulator.random.WeightedChoice;
import io.onair.simulator.schedule.Calendar;
import io.onair.simulator.world.Users;
import java.util.Arrays;

/**
 * Plans a day's sessions: each user has a Poisson number of them (mean sessionsPerUserDay x
 * activity x the day's traffic factor), each at an arrival time and in a scenario (the user's home
 * scenario with probability homeScenarioShare, else drawn from the shares). The plan is a sorted
 * array of packed keys {@code secondOfDay << 34 | user << 2 | scenario}, so sessions run in time
 * order and the follows they create affect later sessions only. Not thread-safe.
 */
public final class SessionPlanner {
  private final Users users;
  private final TrafficParameters traffic;
  private final WeightedChoice scenarioShares;
  private final Calendar calendar;
  private final Seeds seeds;
  private final ArrivalTimes arrivals;
  private final RandomStream random = new RandomStream(0);
  private long[] keys = new long[1024];
  private int size;

  public SessionPlanner(
      Users users,
      TrafficParameters traffic,
      WeightedChoice scenarioShares,
      Calendar calendar,
      Seeds seeds) {
    this.users = users;
    this.traffic = traffic;
    this.scenarioShares = scenarioShares;
    this.calendar = calendar;
    this.seeds = seeds;
    this.arrivals = new ArrivalTimes(users, traffic);
  }

  /** The number of sessions of every user on every day, without planning them. */
  public long countAll() {
    long total = 0;
    for (int day = 0; day < calendar.days(); day++) {
      double factor = traffic.sessionsPerUserDay() * calendar.trafficFactor(day);
      for (int u = 0; u < users.count(); u++) {
        random.reseed(seeds.seed(StreamKind.SESSION_PLAN, u, day));
        total += random.nextPoisson(factor * users.activity(u));
      }
    }
    return total;
  }

  /** Plans {@code day}; read the result with {@link #size()} and {@link #key(int)}. */
  public void plan(int day) {
    size = 0;
    double factor = traffic.sessionsPerUserDay() * calendar.trafficFactor(day);
    for (int u = 0; u < users.count(); u++) {
      random.reseed(seeds.seed(StreamKind.SESSION_PLAN, u, day));
      int n = random.nextPoisson(factor * users.activity(u));
      for (int i = 0; i < n; i++) {
        int second = arrivals.secondOfDay(u, random);
        int scenario =
            random.nextDouble() < traffic.homeScenarioShare()
                ? users.homeScenario(u)
                : scenarioShares.sample(random);
        if (size == keys.length) {
          keys = Arrays.copyOf(keys, keys.length * 2);
        }
        keys[size++] = ((long) second << 34) | ((long) u << 2) | scenario;
      }
    }
    Arrays.sort(keys, 0, size);
  }

  public int size() {
    return size;
  }

  public long key(int i) {
    return keys[i];
  }

  public static int secondOfDay(long key) {
    return (int) (key >>> 34);
  }

  public static int user(long key) {
    return (int) ((key >>> 2) & 0xFFFFFFFFL);
  }

  public static int scenario(long key) {
    return (int) (key & 3);
  }
}
