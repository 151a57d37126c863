package io.onair.importer.ecomm;

import io.onair.dataset.progress.Progress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Builds the live-room impressions the rankers train on from each user's day of activity.
 *
 * <p>A room the user touched that day (any click, collect, cart or buy of an item of its category)
 * is a clicked room: one request at the time of the user's first event in that room, showing that
 * room and {@code negativesPerPositive} rooms the user did not touch that day, drawn in proportion
 * to the room's popularity that day (users who touched it, plus one so that every room, always
 * live, can be shown). The request's rooms are shuffled and numbered from 0; all share the
 * request's time, so neither time nor position gives the label away.
 *
 * <p>Labels follow the target graph click -> follow, click -> cart -> purchase: click = 1 for the
 * clicked room; follow = a collect in the room that day; purchase = a buy in the room that day;
 * cart = a cart or a buy (a purchase implies a cart). Negatives have all labels 0.
 *
 * <p>Deterministic: each request draws from a {@link Random} seeded by the configured seed, the
 * source user id, the day and the request's number within the user's day.
 */
final class ImpressionBuilder {
  static final int CLICK = 1;
  static final int FOLLOW = 2;
  static final int CART = 4;
  static final int PURCHASE = 8;

  private ImpressionBuilder() {}

  static ImpressionTable build(
      EcommEvents events,
      EventTimeline timeline,
      EcommCatalog catalog,
      EcommUsers users,
      EcommFollows follows,
      EcommImportConfig config,
      Progress progress) {
    int rooms = catalog.categoryCount();
    int groups = timeline.userDays();
    Map<Integer, NegativeSampler> samplers = samplersByDay(events, timeline, catalog);

    progress.start("building impressions", groups, "user-days");
    LongStream.Builder tsColumn = LongStream.builder();
    IntStream.Builder userColumn = IntStream.builder();
    IntStream.Builder roomColumn = IntStream.builder();
    IntStream.Builder dayColumn = IntStream.builder();
    IntStream.Builder requestColumn = IntStream.builder();
    IntStream.Builder positionColumn = IntStream.builder();
    IntStream.Builder labelColumn = IntStream.builder();
    ImpressionTable.Counts counts = new ImpressionTable.Counts();

    int[] slot = new int[rooms];
    Arrays.fill(slot, -1);
    int[] seenRooms = new int[rooms];
    long[] firstTs = new long[rooms];
    int[] behaviours = new int[rooms];
    boolean[] excluded = new boolean[rooms];
    int negatives = config.negativesPerPositive();
    int[] slate = new int[negatives + 1];

    for (int g = 0; g < groups; g++) {
      int seen = 0;
      int first = timeline.event(timeline.groupStart(g));
      int user = events.user(first);
      int day = events.day(first);
      for (int p = timeline.groupStart(g); p < timeline.groupEnd(g); p++) {
        int event = timeline.event(p);
        int room = catalog.category(events.item(event));
        if (slot[room] < 0) {
          slot[room] = seen;
          seenRooms[seen] = room;
          firstTs[seen] = timeline.ts(event);
          behaviours[seen] = 0;
          excluded[room] = true;
          seen++;
        }
        behaviours[slot[room]] |= events.behaviour(event).bit();
      }
      NegativeSampler sampler = samplers.get(day);
      for (int r = 0; r < seen; r++) {
        int room = seenRooms[r];
        int labels = labels(behaviours[r], counts, follows.followedBefore(user, room, day));
        Random random = new Random(requestSeed(config.seed(), users.id(user), day, r));
        int drawn = sampler.sample(random, excluded, negatives, slate);
        for (int i = 0; i < drawn; i++) {
          excluded[slate[i]] = false; // drawn for this request only
        }
        if (drawn < negatives) {
          counts.shortRequests++;
        }
        slate[drawn] = room;
        shuffle(slate, drawn + 1, random);
        for (int position = 0; position <= drawn; position++) {
          tsColumn.add(firstTs[r]);
          userColumn.add(user);
          roomColumn.add(slate[position]);
          dayColumn.add(day);
          requestColumn.add(r);
          positionColumn.add(position + 1); // 1-based, as in the format and the API
          labelColumn.add(slate[position] == room ? labels : 0);
        }
        counts.requests++;
        counts.negatives += drawn;
      }
      for (int r = 0; r < seen; r++) {
        slot[seenRooms[r]] = -1;
        excluded[seenRooms[r]] = false;
      }
      progress.advance(1);
    }
    ImpressionTable table =
        new ImpressionTable(
            tsColumn.build().toArray(),
            userColumn.build().toArray(),
            roomColumn.build().toArray(),
            dayColumn.build().toArray(),
            requestColumn.build().toArray(),
            positionColumn.build().toArray(),
            labelColumn.build().toArray(),
            counts);
    progress.finish(
        String.format(
            Locale.ROOT,
            "%,d requests, %,d impressions (%,d clicked, %,d not), %,d requests short of negatives",
            counts.requests,
            table.size(),
            counts.requests,
            counts.negatives,
            counts.shortRequests));
    return table;
  }

  private static int labels(int behaviourBits, ImpressionTable.Counts counts, boolean followed) {
    int labels = CLICK;
    if ((behaviourBits & Behaviour.CLICK.bit()) == 0) {
      counts.impliedClicks++;
    }
    if ((behaviourBits & Behaviour.COLLECT.bit()) != 0) {
      labels |= FOLLOW;
      counts.followLabels++;
      if (followed) {
        counts.repeatFollowLabels++;
      }
    }
    boolean carted = (behaviourBits & Behaviour.CART.bit()) != 0;
    boolean bought = (behaviourBits & Behaviour.BUY.bit()) != 0;
    if (carted || bought) {
      labels |= CART;
      counts.cartLabels++;
    }
    if (bought) {
      labels |= PURCHASE;
      counts.purchaseLabels++;
      if (!carted) {
        counts.impliedCarts++;
      }
    }
    return labels;
  }

  /**
   * One sampler per day, weighting each room by 1 + the number of users who touched it that day.
   * The day's own activity is used, not the whole log, so no request sees later days.
   */
  private static Map<Integer, NegativeSampler> samplersByDay(
      EcommEvents events, EventTimeline timeline, EcommCatalog catalog) {
    int rooms = catalog.categoryCount();
    Map<Integer, double[]> popularity = new HashMap<>();
    int[] lastGroup = new int[rooms];
    Arrays.fill(lastGroup, -1);
    for (int g = 0; g < timeline.userDays(); g++) {
      int day = events.day(timeline.event(timeline.groupStart(g)));
      double[] weights =
          popularity.computeIfAbsent(
              day,
              d -> {
                double[] ones = new double[rooms];
                Arrays.fill(ones, 1.0);
                return ones;
              });
      for (int p = timeline.groupStart(g); p < timeline.groupEnd(g); p++) {
        int room = catalog.category(events.item(timeline.event(p)));
        if (lastGroup[room] != g) {
          lastGroup[room] = g;
          weights[room] += 1;
        }
      }
    }
    Map<Integer, NegativeSampler> samplers = new HashMap<>();
    popularity.forEach((day, weights) -> samplers.put(day, new NegativeSampler(weights)));
    return samplers;
  }

  private static void shuffle(int[] values, int size, Random random) {
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  /** A seed that depends only on the configured seed and the request's identity. */
  static long requestSeed(long seed, long userId, int day, int request) {
    long h = mix(seed);
    h = mix(h ^ userId);
    h = mix(h ^ day);
    return mix(h ^ request);
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
