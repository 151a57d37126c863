package io.onair.simulator;

import static io.onair.simulator.ParameterChecks.atLeast;
import static io.onair.simulator.ParameterChecks.nonNegative;
import static io.onair.simulator.ParameterChecks.positive;
import static io.onair.simulator.ParameterChecks.probability;

/**
 * The calendar: when anchors are live, what they present, and when the promotion runs.
 *
 * @param liveDayProbabilityMin an anchor streams on a given day with its own probability, drawn
 *     uniformly from [min, max]; default 0.6
 * @param liveDayProbabilityMax see above; default 0.95
 * @param sessionHoursMin an anchor's habitual session length is uniform in [min, max] hours, each
 *     day's length varies around it (log-normal, sigma 0.2) and is clamped to the same range;
 *     default 1
 * @param sessionHoursMax see above; default 4
 * @param startJitterMinutes standard deviation of a day's start time around the anchor's habitual
 *     start (which is uniform within its habitual hour); clamped to two hours; default 30
 * @param minRemainingSeconds the logging policy never shows a room that ends within this many
 *     seconds, so that every shown room can be watched for 10 seconds; default 60
 * @param featuredItemMinutes an anchor presents one item of its catalogue at a time, rotating every
 *     this many minutes; the presented item is what a bag click, cart and purchase are about;
 *     default 15
 * @param promotionStartFraction the promotion (a shopping festival) covers days {@code
 *     [floor(f_start * days), max(f_start_day + 1, floor(f_end * days)))}; default 0.6
 * @param promotionEndFraction see above; default 0.8 (14 days: days 8, 9, 10)
 */
public record ScheduleParameters(
    double liveDayProbabilityMin,
    double liveDayProbabilityMax,
    double sessionHoursMin,
    double sessionHoursMax,
    double startJitterMinutes,
    int minRemainingSeconds,
    int featuredItemMinutes,
    double promotionStartFraction,
    double promotionEndFraction) {

  public ScheduleParameters {
    probability("liveDayProbabilityMin", liveDayProbabilityMin);
    probability("liveDayProbabilityMax", liveDayProbabilityMax);
    if (liveDayProbabilityMin > liveDayProbabilityMax) {
      throw new IllegalArgumentException(
          "liveDayProbabilityMin must not exceed liveDayProbabilityMax");
    }
    positive("sessionHoursMin", sessionHoursMin);
    positive("sessionHoursMax", sessionHoursMax);
    if (sessionHoursMin > sessionHoursMax || sessionHoursMax > 12) {
      throw new IllegalArgumentException(
          "need 0 < sessionHoursMin <= sessionHoursMax <= 12 (sessions of one anchor must not"
              + " overlap), got "
              + sessionHoursMin
              + " and "
              + sessionHoursMax);
    }
    nonNegative("startJitterMinutes", startJitterMinutes);
    atLeast("minRemainingSeconds", minRemainingSeconds, 10);
    if (minRemainingSeconds >= sessionHoursMin * 3600) {
      throw new IllegalArgumentException("minRemainingSeconds must be shorter than a session");
    }
    atLeast("featuredItemMinutes", featuredItemMinutes, 1);
    probability("promotionStartFraction", promotionStartFraction);
    probability("promotionEndFraction", promotionEndFraction);
    if (promotionStartFraction > promotionEndFraction) {
      throw new IllegalArgumentException(
          "promotionStartFraction must not exceed promotionEndFraction");
    }
  }

  public static ScheduleParameters defaults() {
    return new ScheduleParameters(
        /* liveDayProbabilityMin= */ 0.6,
        /* liveDayProbabilityMax= */ 0.95,
        /* sessionHoursMin= */ 1,
        /* sessionHoursMax= */ 4,
        /* startJitterMinutes= */ 30,
        /* minRemainingSeconds= */ 60,
        /* featuredItemMinutes= */ 15,
        /* promotionStartFraction= */ 0.6,
        /* promotionEndFraction= */ 0.8);
  }

  /** The first promotion day (0-based) of a world of {@code days} days. */
  public int promotionFirstDay(int days) {
    return Math.min(days - 1, (int) Math.floor(promotionStartFraction * days));
  }

  /** One past the last promotion day. */
  public int promotionEndDay(int days) {
    int first = promotionFirstDay(days);
    return Math.min(days, Math.max(first + 1, (int) Math.floor(promotionEndFraction * days)));
  }
}
