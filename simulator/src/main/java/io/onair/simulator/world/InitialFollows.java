package io.onair.simulator.world;

import io.onair.dataset.csv.CsvWriter;
import io.onair.dataset.progress.Progress;
import io.onair.simulator.TrafficParameters;
import io.onair.simulator.WorldParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;

/**
 * The follows that exist before day 0: a user follows {@code Poisson(initialFollowsMean *
 * sqrt(activity))} anchors (at most maxInitialFollows), each drawn by popularity within a favourite
 * category (or, with probability 1 - favouriteCategoryShare, a category drawn by popularity), at a
 * time up to 180 days before the start.
 */
public final class InitialFollows {
  private static final int HORIZON_SECONDS = 180 * 86_400;

  private InitialFollows() {}

  /** Adds the initial follows to {@code graph} and writes them, user by user. */
  public static void generate(
      WorldParameters world,
      TrafficParameters traffic,
      Users users,
      Anchors anchors,
      Categories categories,
      Seeds seeds,
      FollowGraph graph,
      CsvWriter out,
      EntityIds ids,
      Progress progress) {
    long epochStart = world.startEpochSecond();
    progress.start("initial follows", users.count(), "users");
    for (int u = 0; u < users.count(); u++) {
      RandomStream random = seeds.stream(StreamKind.INITIAL_FOLLOWS, u);
      int wanted =
          Math.min(
              world.maxInitialFollows(),
              random.nextPoisson(world.initialFollowsMean() * StrictMath.sqrt(users.activity(u))));
      String user = null;
      for (int i = 0; i < wanted; i++) {
        for (int attempt = 0; attempt < 3; attempt++) {
          int category =
              random.nextDouble() < traffic.favouriteCategoryShare()
                  ? users.sampleFavourite(u, random)
                  : categories.sampleByPopularity(random);
          int anchor = anchors.samplePopularInCategory(category, random);
          if (graph.add(u, anchor)) {
            if (user == null) {
              user = ids.user(u);
            }
            out.cell(user);
            out.cell(ids.anchor(anchor));
            out.cell(epochStart - 1 - random.nextInt(HORIZON_SECONDS));
            out.endRow();
            break;
          }
        }
      }
      if ((u & 4095) == 4095) {
        progress.advance(4096);
      }
    }
    progress.advance(users.count() & 4095);
    progress.finish(graph.total() + " follows");
  }
}
