package io.onair.cli;

import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.dataset.stats.DatasetStatistics;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.features.memory.InMemoryFeatureStore;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onair quickstart}: the main job on embedded defaults (no Redis). It simulates the small
 * world, validates it, loads its online features into the in-memory feature store with the last two
 * days held out, and shows, for the most active users at an evening hour of the held-out days, what
 * the services will read: the anchors live then, and each user's follows, watched anchors and
 * items.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates the small world, validates it, loads its features into the in-memory store",
      "(no Redis needed) and prints what the online services read for a few users."
    })
public final class QuickstartCommand implements Callable<Integer> {
  private static final int HOLDOUT_DAYS = 2;
  private static final int USERS_SHOWN = 4;

  @Option(
      names = "--workdir",
      defaultValue = "onair-quickstart",
      paramLabel = "DIR",
      description = "Where the world is written (default: ${DEFAULT-VALUE}).")
  Path workdir;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "World seed.")
  long seed;

  @Override
  public Integer call() {
    Progress progress = new ConsoleProgress(System.err);
    Path world = workdir.resolve("world-small");
    System.out.println("1. simulating the small world into " + world);
    new WorldSimulator().simulate(SimulationConfig.preset("small", seed), world, progress);

    System.out.println("2. validating it with the dataset reader");
    Dataset dataset = DatasetReader.read(world, progress);
    System.out.print(DatasetStatistics.of(dataset).render());

    DataWindow window = DataWindow.of(dataset, HOLDOUT_DAYS);
    System.out.println("3. loading online features into the in-memory store; window " + window);
    try (InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults())) {
      DatasetFeatureLoader.LoadReport report =
          DatasetFeatureLoader.load(dataset, window, store, progress);
      System.out.printf(
          Locale.ROOT,
          "   %,d profiles, %,d anchors, %,d live sessions, %,d histories%n",
          report.userProfiles(),
          report.anchors(),
          report.liveSessions(),
          report.histories());

      long now = window.holdoutStart() + 20 * 3_600; // 20:00 UTC on the first held-out day
      Set<String> live = store.liveAnchors(now).join();
      System.out.printf(
          Locale.ROOT,
          "4. what the services read at %s: %,d of %,d anchors live%n",
          Instant.ofEpochSecond(now),
          live.size(),
          dataset.anchorCount());
      System.out.printf(
          Locale.ROOT,
          "   %-9s %-24s %-9s %-34s %-30s%n",
          "user",
          "profile",
          "follows",
          "top watched (live now *)",
          "top items");
      for (String user : mostActiveUsers(dataset, USERS_SHOWN)) {
        UserFeatures features = store.readUser(user, now).join();
        List<ScoredId> follows = features.history(HistoryKind.FOLLOWS);
        long liveFollows = follows.stream().filter(f -> live.contains(f.id())).count();
        System.out.printf(
            Locale.ROOT,
            "   %-9s %-24s %-9s %-34s %-30s%n",
            user,
            String.join(",", new java.util.TreeMap<>(features.profile()).values()),
            follows.size() + " (" + liveFollows + " live)",
            top(features.history(HistoryKind.WATCHED_ANCHORS), live),
            top(features.history(HistoryKind.ITEMS), Set.of()));
      }
    }
    System.out.println(
        "done: the world is in "
            + world
            + "; try ./onair validate --data "
            + world
            + " or ./onair features load --data "
            + world
            + " --artifacts "
            + workdir.resolve("artifacts")
            + " --redis redis://127.0.0.1:6379");
    return 0;
  }

  private static List<String> mostActiveUsers(Dataset dataset, int count) {
    int[] impressions = new int[dataset.userCount()];
    for (int user : dataset.impressions().user()) {
      impressions[user]++;
    }
    return IntStream.range(0, dataset.userCount())
        .boxed()
        .sorted(Comparator.comparingInt((Integer u) -> -impressions[u]).thenComparing(u -> u))
        .limit(count)
        .map(dataset.users()::id)
        .toList();
  }

  private static String top(List<ScoredId> history, Set<String> live) {
    List<String> shown = new ArrayList<>();
    for (ScoredId entry : history.subList(0, Math.min(3, history.size()))) {
      shown.add(entry.id() + (live.contains(entry.id()) ? "*" : ""));
    }
    return shown.isEmpty() ? "-" : String.join(" ", shown);
  }
}
