package io.onair.importer.ecomm;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * follows.csv: the first {@code collect} of an item makes the user follow the room that sells its
 * category, from the time of that collect. A follow is a state, so later collects in the same room
 * add no row. Rows are in time order. Immutable.
 */
final class EcommFollows {
  private final int[] user;
  private final int[] room;
  private final long[] ts;
  private final Map<Long, Integer> firstDay;
  private final int rooms;

  private EcommFollows(int[] user, int[] room, long[] ts, Map<Long, Integer> firstDay, int rooms) {
    this.user = user;
    this.room = room;
    this.ts = ts;
    this.firstDay = firstDay;
    this.rooms = rooms;
  }

  static EcommFollows of(
      EcommEvents events, EventTimeline timeline, int[] chronological, EcommCatalog catalog) {
    int rooms = catalog.categoryCount();
    IntStream.Builder users = IntStream.builder();
    IntStream.Builder followed = IntStream.builder();
    LongStream.Builder times = LongStream.builder();
    Map<Long, Integer> firstDay = new HashMap<>();
    for (int event : chronological) {
      if (events.behaviour(event) != Behaviour.COLLECT) {
        continue;
      }
      int user = events.user(event);
      int room = catalog.category(events.item(event));
      if (firstDay.putIfAbsent(key(user, room, rooms), events.day(event)) == null) {
        users.add(user);
        followed.add(room);
        times.add(timeline.ts(event));
      }
    }
    return new EcommFollows(
        users.build().toArray(),
        followed.build().toArray(),
        times.build().toArray(),
        firstDay,
        rooms);
  }

  private static long key(int user, int room, int rooms) {
    return (long) user * rooms + room;
  }

  int size() {
    return user.length;
  }

  int user(int row) {
    return user[row];
  }

  int room(int row) {
    return room[row];
  }

  long ts(int row) {
    return ts[row];
  }

  /** True when the user had followed the room on a day before {@code day}. */
  boolean followedBefore(int user, int room, int day) {
    Integer first = firstDay.get(key(user, room, rooms));
    return first != null && first < day;
  }
}
