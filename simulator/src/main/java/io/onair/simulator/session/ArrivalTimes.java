package io.onair.simulator.session;

import io.onair.simulator.TrafficParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.world.DailyCurves;
import io.onair.simulator.world.Users;

/**
 * When a user shows up: around the user's habitual hour (normal spread, wrapped around midnight)
 * or, otherwise, anywhere along the global daily curve; uniform within the hour. Immutable.
 */
final class ArrivalTimes {
  private final Users users;
  private final double habitualShare;
  private final double spread;

  ArrivalTimes(Users users, TrafficParameters traffic) {
    this.users = users;
    this.habitualShare = traffic.habitualHourShare();
    this.spread = traffic.habitualHourSpread();
  }

  /** A second of the day, 0 .. 86399. */
  int secondOfDay(int user, RandomStream random) {
    int hour;
    if (random.nextDouble() < habitualShare) {
      long shift = Math.round(spread * random.nextGaussian());
      hour = (int) Math.floorMod(users.habitualHour(user) + shift, 24L);
    } else {
      hour = DailyCurves.sampleUserHour(random);
    }
    return hour * 3600 + random.nextInt(3600);
  }
}
