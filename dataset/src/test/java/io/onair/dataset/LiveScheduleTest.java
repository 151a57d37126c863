package io.onair.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveScheduleTest {
  /**
   * Anchor 0 has a long session with two shorter ones nested in it (given out of order), anchor 1
   * none, anchor 2 one session.
   */
  private static LiveSchedule nestedSessions() {
    return new LiveSchedule(
        3,
        new int[] {0, 2, 0, 0},
        new long[] {200, 100, 100, 250},
        new long[] {300, 200, 500, 260});
  }

  /** liveSince gives the start of the latest-started session live at the time. */
  @Test
  void liveSinceIsTheStartOfTheLatestStartedLiveSession() {
    LiveSchedule schedule = nestedSessions();

    assertThat(schedule.liveSince(0, 99)).isEqualTo(-1);
    assertThat(schedule.liveSince(0, 100)).isEqualTo(100);
    assertThat(schedule.liveSince(0, 199)).isEqualTo(100);
    assertThat(schedule.liveSince(0, 200)).isEqualTo(200);
    assertThat(schedule.liveSince(0, 250)).isEqualTo(250);
    assertThat(schedule.liveSince(0, 259)).isEqualTo(250);
    assertThat(schedule.liveSince(0, 260)).as("[250, 260) ended").isEqualTo(200);
    assertThat(schedule.liveSince(0, 300)).as("[200, 300) ended").isEqualTo(100);
    assertThat(schedule.liveSince(0, 499)).isEqualTo(100);
    assertThat(schedule.liveSince(0, 500)).isEqualTo(-1);
  }

  /**
   * A session that started later but already ended does not hide an earlier one still live, and one
   * that never overlapped the time does not count.
   */
  @Test
  void endedLaterSessionsAreSkippedAndEarlierLiveOnesFound() {
    LiveSchedule schedule =
        new LiveSchedule(
            1,
            new int[] {0, 0, 0, 0},
            new long[] {10, 100, 120, 130},
            new long[] {20, 150, 125, 135});

    assertThat(schedule.liveSince(0, 140)).isEqualTo(100);
    assertThat(schedule.liveSince(0, 150)).isEqualTo(-1);
    assertThat(schedule.liveSince(0, 15)).isEqualTo(10);
    assertThat(schedule.liveSince(0, 50)).isEqualTo(-1);
  }

  /** An anchor without sessions, or not live at the time, gives -1. */
  @Test
  void anAnchorThatIsNotLiveGivesMinusOne() {
    LiveSchedule schedule = nestedSessions();

    assertThat(schedule.liveSince(1, 150)).isEqualTo(-1);
    assertThat(schedule.liveSince(2, 99)).isEqualTo(-1);
    assertThat(schedule.liveSince(2, 100)).isEqualTo(100);
    assertThat(schedule.liveSince(2, 200)).as("the end is exclusive").isEqualTo(-1);
  }

  /**
   * Over random, often overlapping sessions, liveSince equals the largest start of a session with
   * start <= t < end (or -1), and is not -1 exactly when isLive holds.
   */
  @Test
  void liveSinceEqualsABruteForceSearchOverRandomSessions() {
    Random random = new Random(5);
    int anchors = 20;
    int sessions = 300;
    int[] anchor = new int[sessions];
    long[] start = new long[sessions];
    long[] end = new long[sessions];
    for (int i = 0; i < sessions; i++) {
      anchor[i] = random.nextInt(anchors);
      start[i] = random.nextInt(10_000);
      end[i] = start[i] + 1 + random.nextInt(random.nextBoolean() ? 50 : 2_000);
    }
    LiveSchedule schedule = new LiveSchedule(anchors, anchor, start, end);

    for (int a = 0; a < anchors; a++) {
      for (long t = -1; t <= 12_100; t += 7) {
        long expected = -1;
        for (int i = 0; i < sessions; i++) {
          if (anchor[i] == a && start[i] <= t && t < end[i]) {
            expected = Math.max(expected, start[i]);
          }
        }
        assertThat(schedule.liveSince(a, t)).as("anchor %d at %d", a, t).isEqualTo(expected);
        assertThat(schedule.isLive(a, t)).as("anchor %d at %d", a, t).isEqualTo(expected >= 0);
      }
    }
  }
}
