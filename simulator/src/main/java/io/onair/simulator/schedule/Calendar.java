package io.onair.simulator.schedule;

import io.onair.simulator.SimulationConfig;

/**
 * The days of the world: weekday, promotion period and the traffic factor of each day. Immutable
 * and thread-safe.
 */
public final class Calendar {
  private final long epochStart;
  private final int days;
  private final int promotionFirstDay;
  private final int promotionEndDay;
  private final double weekendFactor;
  private final double promotionFactor;

  public Calendar(SimulationConfig config) {
    this.epochStart = config.world().startEpochSecond();
    this.days = config.world().days();
    this.promotionFirstDay = config.schedule().promotionFirstDay(days);
    this.promotionEndDay = config.schedule().promotionEndDay(days);
    this.weekendFactor = config.traffic().weekendTrafficFactor();
    this.promotionFactor = config.traffic().promotionTrafficFactor();
  }

  public int days() {
    return days;
  }

  /** Epoch second of the world's second 0. */
  public long epochStart() {
    return epochStart;
  }

  public boolean isPromotion(int day) {
    return day >= promotionFirstDay && day < promotionEndDay;
  }

  public int promotionFirstDay() {
    return promotionFirstDay;
  }

  public int promotionEndDay() {
    return promotionEndDay;
  }

  /** ISO day of week, 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday). */
  public int dayOfWeek(int day) {
    long epochDay = epochStart / AnchorSchedule.DAY + day;
    return (int) Math.floorMod(epochDay + 3, 7L) + 1;
  }

  /** Multiplies the expected sessions and browses of every user on {@code day}. */
  public double trafficFactor(int day) {
    double factor = dayOfWeek(day) >= 6 ? weekendFactor : 1;
    return isPromotion(day) ? factor * promotionFactor : factor;
  }
}
