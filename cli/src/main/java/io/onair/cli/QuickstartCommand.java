package io.onair.cli;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.onair.cli.serve.ServingStack;
import io.onair.dataset.DataWindow;
import io.onair.dataset.Dataset;
import io.onair.dataset.progress.ConsoleProgress;
import io.onair.dataset.progress.Progress;
import io.onair.dataset.read.DatasetReader;
import io.onair.dataset.stats.DatasetStatistics;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.load.DatasetFeatureLoader;
import io.onair.pretrain.PretrainJob;
import io.onair.pretrain.model.PretrainConfig;
import io.onair.proto.v1.Behaviour;
import io.onair.proto.v1.BehaviourType;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.Event;
import io.onair.proto.v1.EventAck;
import io.onair.proto.v1.EventBatch;
import io.onair.proto.v1.EventServiceGrpc;
import io.onair.proto.v1.GatewayServiceGrpc;
import io.onair.proto.v1.Impression;
import io.onair.proto.v1.RecommendRequest;
import io.onair.proto.v1.RecommendResponse;
import io.onair.proto.v1.RecommendedItem;
import io.onair.proto.v1.RouteProvenance;
import io.onair.ranking.RankingJob;
import io.onair.ranking.export.ModelCard;
import io.onair.ranking.graph.ModelConfig;
import io.onair.ranking.graph.ModelKind;
import io.onair.ranking.train.TrainingConfig;
import io.onair.relations.RelationsArtifacts;
import io.onair.relations.RelationsConfig;
import io.onair.relations.RelationsJob;
import io.onair.simulator.SimulationConfig;
import io.onair.simulator.WorldSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onair quickstart}: the main job on embedded defaults (no Redis). It runs the whole
 * platform once on the small simulated world: simulate, validate, build the recall relations,
 * pretrain the recall vectors (one epoch), train a {@code dbmtl} ranker, serve recall, ranking and
 * the gateway in one process over loopback gRPC with an in-memory feature store, ask the gateway
 * for a few users in each scenario (a swipe request with the room the user is in), print what came
 * back with the reasons, then send events (a follow, impressions) and show the next answer reflect
 * them.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the platform end to end on the small simulated world (no Redis needed): simulate,",
      "build relations, pretrain the recall vectors, train dbmtl, serve the three services over",
      "loopback gRPC (the vector routes included), and print the",
      "gateway's recommendations with their reasons for a few users in each scenario."
    })
public final class QuickstartCommand implements Callable<Integer> {
  private static final int HOLDOUT_DAYS = 2;
  private static final int USERS_PER_SCENARIO = 2;
  private static final int SHOWN = 5;
  private static final String MODEL = "dbmtl";
  private static final long EVENING_START = 18 * 3_600;
  private static final long EVENING_END = 23 * 3_600;
  private static final int WARM_UP_ROUNDS = 5;

  @Option(
      names = "--workdir",
      defaultValue = "onair-quickstart",
      paramLabel = "DIR",
      description = "Where the world and the artifacts are written (default: ${DEFAULT-VALUE}).")
  Path workdir;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "World seed.")
  long seed;

  @Option(
      names = "--epochs",
      defaultValue = "1",
      paramLabel = "N",
      description = "Training epochs of the ranker (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    Progress progress = new ConsoleProgress(System.err);
    Path world = workdir.resolve("world-small");
    Path artifacts = workdir.resolve("artifacts");

    step(started, "1. simulating the small world into " + world);
    new WorldSimulator().simulate(SimulationConfig.preset("small", seed), world, progress);

    step(started, "2. reading and validating it");
    Dataset dataset = DatasetReader.read(world, progress);
    System.out.print(indent(DatasetStatistics.of(dataset).render()));
    DataWindow window = DataWindow.of(dataset, HOLDOUT_DAYS);

    step(started, "3. building the recall relations (item-CF A2A and I2I, popularity)");
    RelationsConfig relationsConfig = RelationsConfig.defaults();
    RelationsJob.Build build = RelationsJob.run(dataset, window, relationsConfig, progress);
    RelationsArtifacts.write(build, relationsConfig, artifacts);
    System.out.printf(
        Locale.ROOT,
        "   relations %s: %,d A2A pairs, %,d I2I pairs, %,d item->anchor pairs%n",
        build.relations().version(),
        build.relations().anchorNeighbours().pairCount(),
        build.relations().itemNeighbours().pairCount(),
        build.relations().itemAnchors().pairCount());

    step(started, "4. pretraining the recall vectors (1 epoch), read by the VEC_* routes");
    PretrainConfig pretrainDefaults = PretrainConfig.defaults();
    PretrainJob.Outcome pretrained =
        PretrainJob.run(
            dataset,
            build.relations(),
            window,
            new PretrainConfig(
                pretrainDefaults.dimension(),
                pretrainDefaults.sequenceLength(),
                pretrainDefaults.heads(),
                pretrainDefaults.feedForward(),
                pretrainDefaults.negatives(),
                1,
                pretrainDefaults.batchSize(),
                pretrainDefaults.learningRate(),
                pretrainDefaults.modalityWeights(),
                seed,
                pretrainDefaults.threads()),
            List.of(),
            false,
            artifacts,
            progress,
            line -> {});
    System.out.printf(
        Locale.ROOT,
        "   vectors %s: %,d anchors, user vectors per modality %s%n",
        pretrained.version(),
        pretrained.anchors().size(),
        pretrained.exportedUsers());

    step(started, "5. training the " + MODEL + " ranker (" + epochs + " epoch) on " + window);
    RankingJob.Prepared prepared = RankingJob.prepare(dataset, HOLDOUT_DAYS, progress);
    ModelCard card =
        RankingJob.trainAndExport(
            prepared,
            MODEL,
            ModelConfig.defaults(ModelKind.parse(MODEL)),
            TrainingConfig.defaults().withEpochs(epochs).withHoldoutDays(HOLDOUT_DAYS),
            artifacts,
            progress,
            line -> {});
    System.out.println("   held-out AUC: " + headline(card));

    step(started, "6. serving recall, ranking and the gateway on loopback gRPC");
    try (FeatureStore store = FeatureStores.open("memory", FeatureStoreConfig.defaults())) {
      DatasetFeatureLoader.load(dataset, window, store, progress);
      try (ServingStack stack =
          ServingStack.start(ServingStack.Settings.loopback(artifacts), store)) {
        ManagedChannel channel =
            NettyChannelBuilder.forAddress("127.0.0.1", stack.gatewayPort()).usePlaintext().build();
        try {
          System.out.printf(
              Locale.ROOT,
              "   gateway on 127.0.0.1:%d, model %s version %s%n",
              stack.gatewayPort(),
              MODEL,
              stack.ranking().registry().version(MODEL));
          step(started, "7. asking the gateway, " + USERS_PER_SCENARIO + " users per scenario");
          List<SampleRequest> samples = sampleRequests(dataset, window);
          GatewayServiceGrpc.GatewayServiceBlockingStub gateway =
              GatewayServiceGrpc.newBlockingStub(channel);
          // the first calls load classes, open the loopback connections and compile the hot
          // paths; a server would have done this before reporting SERVING
          for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (SampleRequest sample : samples) {
              recommend(gateway, sample, SHOWN);
            }
          }
          RecommendResponse first = null;
          for (SampleRequest sample : samples) {
            RecommendResponse response = recommend(gateway, sample, SHOWN);
            print(sample, response);
            first = first == null ? response : first;
          }
          step(started, "8. sending events, then asking again");
          reactToEvents(channel, gateway, store, samples.get(0), first);
        } finally {
          channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
      }
    }
    step(started, "done");
    System.out.println(
        "next: ./onair serve all --artifacts "
            + artifacts
            + "   (then grpcurl -plaintext -d '{\"user_id\":\"...\",\"scenario\":\"channel\"}'"
            + " -max-time 1 127.0.0.1:9090 onair.v1.GatewayService/Recommend)");
    return 0;
  }

  /** One request to show: a user active in a scenario during the held-out days, at that time. */
  private record SampleRequest(String userId, String scenario, String referAnchorId, long time) {}

  /**
   * For each scenario, the users with the most impressions there in the evening of the first
   * held-out day (when most rooms are live), each at the time of their first one, with its refer
   * room in swipe.
   */
  private static List<SampleRequest> sampleRequests(Dataset dataset, DataWindow window) {
    Dataset.Impressions impressions = dataset.impressions();
    List<String> scenarios = dataset.manifest().scenarios();
    List<SampleRequest> samples = new ArrayList<>();
    for (int s = 0; s < scenarios.size(); s++) {
      Map<Integer, Integer> counts = new LinkedHashMap<>();
      Map<Integer, Integer> firstRow = new LinkedHashMap<>();
      for (int row = 0; row < impressions.size(); row++) {
        long ts = impressions.ts()[row];
        if (impressions.scenario()[row] == s
            && ts >= window.holdoutStart() + EVENING_START
            && ts < window.holdoutStart() + EVENING_END
            && (!"swipe".equals(scenarios.get(s)) || impressions.refer()[row] >= 0)) {
          counts.merge(impressions.user()[row], 1, Integer::sum);
          firstRow.putIfAbsent(impressions.user()[row], row);
        }
      }
      List<Integer> users =
          counts.entrySet().stream()
              .sorted(
                  Map.Entry.<Integer, Integer>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(USERS_PER_SCENARIO)
              .map(Map.Entry::getKey)
              .toList();
      for (int user : users) {
        int row = firstRow.get(user);
        int refer = impressions.refer()[row];
        samples.add(
            new SampleRequest(
                dataset.users().id(user),
                scenarios.get(s),
                refer >= 0 ? dataset.anchors().id(refer) : "",
                impressions.ts()[row]));
      }
    }
    return samples;
  }

  private static RecommendResponse recommend(
      GatewayServiceGrpc.GatewayServiceBlockingStub gateway, SampleRequest sample, int count) {
    return gateway
        .withDeadlineAfter(2, TimeUnit.SECONDS)
        .recommend(
            RecommendRequest.newBuilder()
                .setUserId(sample.userId())
                .setScenario(sample.scenario())
                .setReferAnchorId(sample.referAnchorId())
                .setCount(count)
                .setRequestTime(sample.time())
                .setDebug(true)
                .build());
  }

  private static void print(SampleRequest sample, RecommendResponse response) {
    System.out.printf(
        Locale.ROOT,
        "%n   %s  user %s at %s%s%s%n",
        sample.scenario(),
        sample.userId(),
        Instant.ofEpochSecond(sample.time()),
        sample.referAnchorId().isEmpty() ? "" : ", in the room of " + sample.referAnchorId(),
        flags(response));
    System.out.printf(
        Locale.ROOT,
        "   %-4s %-9s %-8s %-9s %-7s %-7s %-18s %s%n",
        "rank",
        "anchor",
        "category",
        "score",
        firstTarget(sample.scenario()),
        "follow",
        "routes",
        "reason");
    for (RecommendedItem item : response.getItemsList()) {
      System.out.printf(
          Locale.ROOT,
          "   %-4d %-9s %-8s %-9.4f %-7s %-7s %-18s %s%n",
          item.getRank(),
          item.getAnchorId(),
          item.getCategory(),
          item.getScore(),
          prediction(item, firstTarget(sample.scenario())),
          prediction(item, "follow"),
          item.getRoutesList().stream()
              .map(RouteProvenance::getRoute)
              .collect(Collectors.joining(",")),
          item.getExplanation().getReason());
    }
  }

  /**
   * Sends a follow of a live anchor the first user was not shown, and impressions of what they were
   * shown, then asks again: the followed anchor is recalled (U2F), the shown ones are not shown
   * again.
   */
  private static void reactToEvents(
      ManagedChannel channel,
      GatewayServiceGrpc.GatewayServiceBlockingStub gateway,
      FeatureStore store,
      SampleRequest sample,
      RecommendResponse before) {
    Set<String> shown = new HashSet<>();
    before.getItemsList().forEach(item -> shown.add(item.getAnchorId()));
    RecommendResponse wider = recommend(gateway, sample, 50);
    String followed =
        store.liveAnchors(sample.time()).join().stream()
            .sorted()
            .filter(a -> !shown.contains(a))
            .filter(a -> wider.getItemsList().stream().noneMatch(i -> i.getAnchorId().equals(a)))
            .findFirst()
            .orElse(null);
    EventBatch.Builder batch = EventBatch.newBuilder();
    for (RecommendedItem item : before.getItemsList()) {
      batch.addEvents(
          Event.newBuilder()
              .setImpression(
                  Impression.newBuilder()
                      .setUserId(sample.userId())
                      .setAnchorId(item.getAnchorId())
                      .setScenario(sample.scenario())
                      .setReferAnchorId(sample.referAnchorId())
                      .setPosition(item.getRank())
                      .setRequestId(before.getRequestId())
                      .setEventTime(sample.time())));
    }
    if (followed != null) {
      batch.addEvents(
          Event.newBuilder()
              .setBehaviour(
                  Behaviour.newBuilder()
                      .setUserId(sample.userId())
                      .setAnchorId(followed)
                      .setType(BehaviourType.BEHAVIOUR_TYPE_FOLLOW)
                      .setScenario(sample.scenario())
                      .setEventTime(sample.time())));
    }
    EventAck ack =
        EventServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(2, TimeUnit.SECONDS)
            .send(batch.build());
    System.out.printf(
        Locale.ROOT,
        "   sent %d impressions of the answer above%s: %d accepted, %d rejected%n",
        before.getItemsCount(),
        followed == null ? "" : " and a follow of " + followed + " (live, not recommended before)",
        ack.getAccepted(),
        ack.getRejected());
    SampleRequest later =
        new SampleRequest(
            sample.userId(), sample.scenario(), sample.referAnchorId(), sample.time() + 60);
    RecommendResponse after = recommend(gateway, later, 50);
    long shownAgain =
        after.getItemsList().stream().filter(i -> shown.contains(i.getAnchorId())).count();
    System.out.printf(
        Locale.ROOT,
        "   a minute later, top %d: %d of the %d shown anchors again (exposure filter)%n",
        after.getItemsCount(),
        shownAgain,
        shown.size());
    if (followed != null) {
      after.getItemsList().stream()
          .filter(i -> i.getAnchorId().equals(followed))
          .findFirst()
          .ifPresentOrElse(
              i ->
                  System.out.printf(
                      Locale.ROOT,
                      "   %s is now rank %d, via %s: %s%n",
                      followed,
                      i.getRank(),
                      i.getRoutesList().stream()
                          .map(RouteProvenance::getRoute)
                          .collect(Collectors.joining(",")),
                      i.getExplanation().getReason()),
              () -> System.out.printf(Locale.ROOT, "   %s is not in the top 50%n", followed));
    }
  }

  private static String firstTarget(String scenario) {
    return "swipe".equals(scenario) ? "view10s" : "click";
  }

  private static String prediction(RecommendedItem item, String target) {
    Double value = item.getPredictionsMap().get(target);
    return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String flags(RecommendResponse response) {
    List<String> flags = new ArrayList<>();
    for (DegradationFlag flag : response.getDegradationFlagsList()) {
      flags.add(flag.name().replace("DEGRADATION_FLAG_", "").toLowerCase(Locale.ROOT));
    }
    return flags.isEmpty() ? "" : " [" + String.join(", ", flags) + "]";
  }

  /** Held-out AUC of the model's binary targets over all scenarios, e.g. "click 0.78, ...". */
  private static String headline(ModelCard card) {
    if (card.holdout() == null) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    card.holdout()
        .targets()
        .forEach(
            (target, metrics) -> {
              if (metrics.auc() != null) {
                parts.add(String.format(Locale.ROOT, "%s %.3f", target, metrics.auc()));
              }
            });
    return String.join(", ", parts);
  }

  private static void step(long started, String text) {
    System.out.printf(Locale.ROOT, "[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, text);
  }

  private static String indent(String text) {
    return text.lines().map(line -> "   " + line).collect(Collectors.joining("\n", "", "\n"));
  }
}
