package io.onair.ranking.serving.rank;

import static java.util.Objects.requireNonNull;

import io.onair.ranking.export.RankingModelBundle;
import io.onair.ranking.features.CandidateFeatures;
import io.onair.ranking.features.ContextFeatures;
import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.FeatureEncoder;
import io.onair.ranking.features.FeatureVocabulary;
import io.onair.ranking.features.LiveActivity;
import io.onair.ranking.serving.ErrorCode;
import io.onair.ranking.serving.RankingException;
import io.onair.ranking.serving.config.RankingConfig;
import io.onair.ranking.serving.features.LiveActivityReader;
import io.onair.ranking.serving.features.OnlineFeatures;
import io.onair.ranking.serving.features.UserFeatureReader;
import io.onair.ranking.serving.model.ModelLease;
import io.onair.ranking.serving.model.ModelRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Answers one ranking request: validates it, reads the user's features and the candidates'
 * real-time statistics (together, with one time limit, defaults on failure), encodes every
 * candidate with the model's own encoder and vocabulary, and scores them in batches of {@code
 * batchSize} on the version of the model that is current when the call starts (held by a lease for
 * the whole call, so a reload never pulls it away mid-call).
 *
 * <p>Thread-safe: one instance serves all calls.
 */
public final class Ranker {
  private final RankingConfig config;
  private final ModelRegistry registry;
  private final UserFeatureReader features;
  private final LiveActivityReader activity;
  private final RequestValidator validator;
  private final Clock clock;
  private final LongSupplier ticker;

  /** A ranker on the system clock and {@link System#nanoTime()}. */
  public Ranker(
      RankingConfig config,
      ModelRegistry registry,
      UserFeatureReader features,
      LiveActivityReader activity,
      Clock clock) {
    this(config, registry, features, activity, clock, System::nanoTime);
  }

  /**
   * A ranker whose deadlines and stage times read {@code ticker} (nanoseconds, the scale of the
   * deadlines passed to {@link #rank}); {@code clock} gives "now" for requests without a time.
   */
  public Ranker(
      RankingConfig config,
      ModelRegistry registry,
      UserFeatureReader features,
      LiveActivityReader activity,
      Clock clock,
      LongSupplier ticker) {
    this.activity = requireNonNull(activity, "activity is null");
    this.ticker = requireNonNull(ticker, "ticker is null");
    this.config = requireNonNull(config, "config is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.features = requireNonNull(features, "features is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.validator = new RequestValidator(config);
    for (String name : config.modelNames()) {
      if (!registry.serves(name)) {
        throw new IllegalArgumentException("the configured model '" + name + "' is not loaded");
      }
    }
  }

  public RankingConfig config() {
    return config;
  }

  public ModelRegistry registry() {
    return registry;
  }

  /**
   * Ranks {@code query} before {@code deadlineNanos} (on the ticker's scale, {@link
   * System#nanoTime()} by default).
   *
   * @throws RankingException INVALID_ARGUMENT for bad input, DEADLINE_EXCEEDED when the deadline
   *     passed before any candidate was scored, UNAVAILABLE when the models are closing
   */
  public RankResult rank(RankQuery query, long deadlineNanos) {
    validator.validate(query);
    String modelName =
        query.modelName().isEmpty() ? config.modelFor(query.scenario()) : query.modelName();
    if (!registry.serves(modelName)) {
      throw RankingException.invalid(
          "model_name",
          "model '"
              + modelName
              + "' is not loaded (loaded: "
              + String.join(", ", new TreeSet<>(registry.names()))
              + ")");
    }
    ModelLease lease;
    try {
      lease = registry.lease(modelName);
    } catch (IllegalStateException e) {
      throw new RankingException(
          ErrorCode.UNAVAILABLE, "the ranking models are closing; retry on another replica");
    }
    try (lease) {
      return rank(query, lease.name(), lease.version(), lease.bundle(), deadlineNanos);
    }
  }

  private RankResult rank(
      RankQuery query,
      String modelName,
      String version,
      RankingModelBundle bundle,
      long deadlineNanos) {
    FeatureVocabulary vocabulary = bundle.vocabulary();
    RequestValidator.validateScenario(query.scenario(), vocabulary.file().scenarios());
    Set<Degradation> degradations = EnumSet.noneOf(Degradation.class);
    Map<String, Long> stages = new LinkedHashMap<>();
    long requestTime =
        query.requestTime() == 0 ? clock.instant().getEpochSecond() : query.requestTime();

    long featuresStart = ticker.getAsLong();
    long limit =
        Math.min(config.featuresTimeLimitMillis() * 1_000_000L, deadlineNanos - featuresStart);
    List<String> anchors = query.anchorIds();
    CandidateFeatures[] candidates = new CandidateFeatures[anchors.size()];
    for (int i = 0; i < candidates.length; i++) {
      candidates[i] = vocabulary.candidate(anchors.get(i));
      if (candidates[i].anchor() == 0) {
        degradations.add(Degradation.FEATURES_UNAVAILABLE);
      }
    }
    FeatureEncoder encoder = bundle.encoder();
    boolean live = encoder.layout().hasLiveStatistics();
    // both reads go out before either is awaited, so they share the time limit
    LiveActivityReader.Pending pendingActivity =
        live ? activity.start(vocabulary, anchors, requestTime) : null;
    UserFeatureReader.Read user = features.read(query.userId(), requestTime, limit);
    if (!user.available()) {
      degradations.add(Degradation.FEATURES_UNAVAILABLE);
    }
    LiveActivity[] candidateActivity;
    if (live) {
      LiveActivityReader.Read read =
          pendingActivity.await(featuresStart + limit - ticker.getAsLong());
      if (!read.available()) {
        degradations.add(Degradation.FEATURES_UNAVAILABLE);
      }
      candidateActivity = read.activity();
    } else {
      candidateActivity = new LiveActivity[candidates.length];
      Arrays.fill(candidateActivity, LiveActivity.none(requestTime));
    }
    Optional<String> refer = Optional.empty();
    if (!query.referAnchorId().isEmpty()) {
      if (vocabulary.candidate(query.referAnchorId()).anchor() == 0) {
        degradations.add(Degradation.REFER_IGNORED);
      } else {
        refer = Optional.of(query.referAnchorId());
      }
    }
    ContextFeatures context =
        vocabulary.context(
            OnlineFeatures.context(
                user.features(),
                query.scenario(),
                requestTime,
                refer,
                encoder.layout().historyLength()));
    long inferenceStart = ticker.getAsLong();
    stages.put("features", (inferenceStart - featuresStart) / 1000);

    int targets = bundle.targets().size();
    float[][] predictions = new float[targets][candidates.length];
    int batchSize = Math.min(config.batchSize(), Math.max(1, candidates.length));
    EncodedBatch batch = new EncodedBatch(encoder.layout(), batchSize);
    int scored = 0;
    while (scored < candidates.length) {
      if (ticker.getAsLong() - deadlineNanos > 0) {
        if (scored == 0) {
          throw new RankingException(
              ErrorCode.DEADLINE_EXCEEDED, "the deadline passed before scoring started");
        }
        degradations.add(Degradation.RANKING_PARTIAL);
        break;
      }
      int end = Math.min(candidates.length, scored + batchSize);
      batch.clear();
      for (int i = scored; i < end; i++) {
        encoder.encode(context, candidates[i], candidateActivity[i], batch);
      }
      float[][] scores = bundle.score(batch);
      for (int t = 0; t < targets; t++) {
        System.arraycopy(scores[t], 0, predictions[t], scored, end - scored);
      }
      scored = end;
    }
    stages.put("inference", (ticker.getAsLong() - inferenceStart) / 1000);
    return new RankResult(
        ServedModel.of(modelName, version, bundle),
        anchors,
        predictions,
        scored,
        degradations,
        stages,
        candidates.length == 0 ? 0 : batchSize);
  }
}
