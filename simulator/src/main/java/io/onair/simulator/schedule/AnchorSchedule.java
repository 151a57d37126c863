package io.onair.simulator.schedule;

import io.onair.dataset.csv.CsvWriter;
import io.onair.dataset.progress.Progress;
import io.onair.simulator.ScheduleParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;
import io.onair.simulator.world.Anchors;
import io.onair.simulator.world.EntityIds;
import java.util.Arrays;

/**
 * When each anchor is live: at most one session per anchor and calendar day, starting on that day
 * near the anchor's habitual hour and lasting 1 to 4 hours (so it may run past midnight). Day -1 is
 * simulated too, so that rooms are already live at the first second. Times are seconds from the
 * world's start. Sessions of one anchor never overlap (a session ends at most 4 h + 3 h after its
 * habitual hour, the next starts at least 22 h after it).
 *
 * <p>Immutable after generation; two int arrays of anchors x (days + 1).
 */
public final class AnchorSchedule {
  public static final int DAY = 86_400;
  private static final int NONE = Integer.MIN_VALUE;

  private final int anchors;
  private final int days;
  private final int minRemaining;

  /** Session of anchor a on day d (-1 .. days-1) is at index a * (days + 1) + d + 1. */
  private final int[] start;

  private final int[] end;

  private AnchorSchedule(int anchors, int days, int minRemaining) {
    this.anchors = anchors;
    this.days = days;
    this.minRemaining = minRemaining;
    this.start = new int[anchors * (days + 1)];
    this.end = new int[anchors * (days + 1)];
  }

  public static AnchorSchedule generate(
      ScheduleParameters parameters, int days, Anchors anchors, Seeds seeds, Progress progress) {
    AnchorSchedule schedule =
        new AnchorSchedule(anchors.count(), days, parameters.minRemainingSeconds());
    double jitter = parameters.startJitterMinutes() * 60;
    progress.start("live schedules", anchors.count(), "anchors");
    for (int a = 0; a < anchors.count(); a++) {
      for (int d = -1; d < days; d++) {
        RandomStream random = seeds.stream(StreamKind.SCHEDULE, a, d + 1);
        int index = a * (days + 1) + d + 1;
        boolean live = random.nextDouble() < anchors.liveDayProbability(a);
        double offset =
            anchors.habitualStartHour(a) * 3600.0
                + random.nextDouble() * 3600
                + Math.max(-7200, Math.min(7200, jitter * random.nextGaussian()));
        double hours =
            Math.max(
                parameters.sessionHoursMin(),
                Math.min(
                    parameters.sessionHoursMax(),
                    anchors.habitualHours(a) * StrictMath.exp(0.2 * random.nextGaussian())));
        if (!live) {
          schedule.start[index] = NONE;
          schedule.end[index] = NONE;
          continue;
        }
        int s = d * DAY + (int) Math.max(0, Math.min(DAY - 1, Math.floor(offset)));
        schedule.start[index] = s;
        schedule.end[index] = s + (int) Math.round(hours * 3600);
      }
      if ((a & 1023) == 1023) {
        progress.advance(1024);
      }
    }
    progress.advance(anchors.count() & 1023);
    progress.finish(schedule.sessionCount() + " live sessions");
    return schedule;
  }

  public int days() {
    return days;
  }

  public int anchors() {
    return anchors;
  }

  public long sessionCount() {
    long count = 0;
    for (int s : start) {
      if (s != NONE) {
        count++;
      }
    }
    return count;
  }

  /**
   * The day (-1 .. days-1) of the session of {@code anchor} that is live at {@code t} with at least
   * minRemainingSeconds left, or {@link Integer#MIN_VALUE} when there is none.
   */
  public int showableSessionDay(int anchor, int t) {
    int day = Math.floorDiv(t, DAY);
    for (int d = day; d >= day - 1; d--) {
      if (d < -1 || d >= days) {
        continue;
      }
      int index = anchor * (days + 1) + d + 1;
      int s = start[index];
      if (s != NONE && s <= t && t < end[index] - minRemaining) {
        return d;
      }
    }
    return NONE;
  }

  public boolean isShowable(int anchor, int t) {
    return showableSessionDay(anchor, t) != NONE;
  }

  /** Start of the session of {@code anchor} on {@code day} (it must exist). */
  public int start(int anchor, int day) {
    return start[anchor * (days + 1) + day + 1];
  }

  /** End of the session of {@code anchor} on {@code day} (it must exist). */
  public int end(int anchor, int day) {
    return end[anchor * (days + 1) + day + 1];
  }

  /** True when {@code anchor} has a session on {@code day}. */
  public boolean hasSession(int anchor, int day) {
    return start[anchor * (days + 1) + day + 1] != NONE;
  }

  /** Writes live_sessions.csv, ordered by start time, then anchor. */
  public void write(CsvWriter out, EntityIds ids, long epochStart) {
    long[] keys = new long[anchors];
    for (int d = -1; d < days; d++) {
      int n = 0;
      for (int a = 0; a < anchors; a++) {
        int index = a * (days + 1) + d + 1;
        if (start[index] != NONE) {
          keys[n++] = ((long) (start[index] + DAY) << 32) | a;
        }
      }
      Arrays.sort(keys, 0, n);
      for (int i = 0; i < n; i++) {
        int a = (int) keys[i];
        int index = a * (days + 1) + d + 1;
        out.cell(ids.anchor(a));
        out.cell(epochStart + start[index]);
        out.cell(epochStart + end[index]);
        out.endRow();
      }
    }
  }
}
