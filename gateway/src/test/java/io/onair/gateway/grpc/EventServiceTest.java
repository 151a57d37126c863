package io.onair.gateway.grpc;

import static io.onair.gateway.testing.Requests.batch;
import static io.onair.gateway.testing.Requests.behaviour;
import static io.onair.gateway.testing.Requests.follow;
import static io.onair.gateway.testing.Requests.impression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.onair.dataset.activity.ActivityKind;
import io.onair.dataset.activity.ActivityWindow;
import io.onair.features.ActivityKeys;
import io.onair.features.FeatureStore;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.FeatureStores;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import io.onair.features.load.UserHistoryBuilder;
import io.onair.gateway.testing.FakeRankings;
import io.onair.gateway.testing.GatewayHarness;
import io.onair.gateway.testing.TinyServingWorld;
import io.onair.proto.v1.Behaviour;
import io.onair.proto.v1.BehaviourType;
import io.onair.proto.v1.Event;
import io.onair.proto.v1.EventAck;
import io.onair.proto.v1.EventBatch;
import io.onair.proto.v1.EventRejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EventService over real gRPC on loopback, writing into the world's in-memory feature store. */
class EventServiceTest {
  static TinyServingWorld world;
  static GatewayHarness harness;
  static long reference;

  @BeforeAll
  static void start() {
    world = TinyServingWorld.get();
    harness =
        new GatewayHarness(world, new FakeRankings.Predicting(), GatewayServerTest.testConfig());
    reference = world.relations().window().holdoutStart();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    harness.close();
  }

  private static String newUser() {
    return "events-" + UUID.randomUUID();
  }

  private static UserFeatures read(String user, long at) {
    return world.store.readUser(user, at).join();
  }

  private static double score(UserFeatures user, HistoryKind kind, String id) {
    return user.history(kind).stream()
        .filter(e -> e.id().equals(id))
        .mapToDouble(ScoredId::score)
        .findFirst()
        .orElse(Double.NaN);
  }

  @Test
  void behavioursUpdateTheHistoriesWithTheOfflineWeights() {
    String user = newUser();
    long t = reference + 600;
    EventAck ack =
        harness
            .events()
            .send(
                batch(
                    behaviour(user, "a00001", BehaviourType.BEHAVIOUR_TYPE_CLICK, 0, t),
                    behaviour(user, "a00001", BehaviourType.BEHAVIOUR_TYPE_WATCH, 120, t),
                    behaviour(user, "a00001", BehaviourType.BEHAVIOUR_TYPE_LIKE, 0, t),
                    follow(user, "a00002", t),
                    Event.newBuilder()
                        .setBehaviour(
                            Behaviour.newBuilder()
                                .setUserId(user)
                                .setItemId("i00009")
                                .setType(BehaviourType.BEHAVIOUR_TYPE_ITEM_CLICK)
                                .setEventTime(t))
                        .build()));
    assertThat(ack.getAccepted()).isEqualTo(5);
    assertThat(ack.getRejected()).isZero();
    UserFeatures features = read(user, t);
    double recency = UserHistoryBuilder.watchRecency(t, reference);
    assertThat(score(features, HistoryKind.WATCHED_ANCHORS, "a00001"))
        .isCloseTo(
            (UserHistoryBuilder.ENTRY_ENGAGEMENT
                    + UserHistoryBuilder.watchEngagement(120)
                    + UserHistoryBuilder.OTHER_TARGET_ENGAGEMENT)
                * recency,
            within(1e-9));
    assertThat(score(features, HistoryKind.FOLLOWS, "a00002")).isEqualTo(t);
    assertThat(score(features, HistoryKind.ITEMS, "i00009"))
        .isCloseTo(
            UserHistoryBuilder.itemActionWeight(io.onair.dataset.ItemAction.CLICK, t, reference),
            within(1e-9));

    harness
        .events()
        .send(batch(behaviour(user, "a00002", BehaviourType.BEHAVIOUR_TYPE_UNFOLLOW, 0, t + 1)));
    assertThat(read(user, t + 1).history(HistoryKind.FOLLOWS))
        .extracting(ScoredId::id)
        .doesNotContain("a00002");
  }

  @Test
  void anImpressionEntersTheExposureSetForTheWindow() {
    String user = newUser();
    long t = reference + 100;
    harness.events().send(batch(impression(user, "a00003", "channel", t)));
    assertThat(read(user, t + 10).recentlyExposedAnchors()).contains("a00003");
    long window = world.store.config().exposureWindowSeconds();
    assertThat(read(user, t + window + 1).recentlyExposedAnchors()).doesNotContain("a00003");
  }

  /**
   * Impressions, room entries, follows, carts and purchases are counted in the real-time anchor
   * statistics under the anchor, its category and all rooms; a watch or a like is not; the counts
   * show from the next minute on.
   */
  @Test
  void roomEventsAreCountedInTheRealTimeStatistics() {
    String user = newUser();
    String anchor = "a00004";
    String category = world.store.readAnchors(List.of(anchor)).join().get(anchor).category();
    long t = (reference / 60) * 60 + 7 * 86_400 + 30; // a minute of its own, later than other tests
    List<String> keys =
        List.of(ActivityKeys.anchor(anchor), ActivityKeys.category(category), ActivityKeys.ALL);
    Map<String, ActivityWindow> before = world.store.readActivity(keys, t + 60).join();
    Map<String, ActivityWindow> sameMinute = world.store.readActivity(keys, t).join();
    EventAck ack =
        harness
            .events()
            .send(
                batch(
                    impression(user, anchor, "channel", t),
                    behaviour(user, anchor, BehaviourType.BEHAVIOUR_TYPE_CLICK, 0, t),
                    behaviour(user, anchor, BehaviourType.BEHAVIOUR_TYPE_WATCH, 120, t),
                    behaviour(user, anchor, BehaviourType.BEHAVIOUR_TYPE_LIKE, 0, t),
                    follow(user, anchor, t),
                    behaviour(user, anchor, BehaviourType.BEHAVIOUR_TYPE_PURCHASE, 0, t)));
    assertThat(ack.getAccepted()).isEqualTo(6);
    assertThat(world.store.readActivity(keys, t + 29).join())
        .as("nothing of the current minute is counted")
        .isEqualTo(sameMinute);
    Map<String, ActivityWindow> after = world.store.readActivity(keys, t + 60).join();
    for (String key : keys) {
      for (ActivityKind kind : ActivityKind.values()) {
        int added = after.get(key).lastHour(kind) - before.get(key).lastHour(kind);
        assertThat(added).as("%s %s", key, kind).isEqualTo(kind == ActivityKind.CART ? 0 : 1);
      }
    }
  }

  @Test
  void badEventsAreRejectedOneByOneWithIndexAndField() {
    String user = newUser();
    long now = Instant.now().getEpochSecond();
    EventAck ack =
        harness
            .events()
            .send(
                batch(
                    impression(user, "a00001", "channel", 0),
                    behaviour(user, "a00001", BehaviourType.BEHAVIOUR_TYPE_WATCH, 0, 0),
                    Event.getDefaultInstance(),
                    behaviour(user, "a00001", BehaviourType.BEHAVIOUR_TYPE_UNSPECIFIED, 0, 0),
                    impression(user, "a00001", "double11", 0),
                    behaviour(user, "a00001", BehaviourType.BEHAVIOUR_TYPE_LIKE, 0, now + 3600),
                    behaviour(user, "", BehaviourType.BEHAVIOUR_TYPE_LIKE, 0, 0)));
    assertThat(ack.getAccepted()).isEqualTo(1);
    assertThat(ack.getRejected()).isEqualTo(6);
    assertThat(ack.getRejectionsList())
        .extracting(EventRejection::getIndex, EventRejection::getField)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "behaviour.value"),
            org.assertj.core.groups.Tuple.tuple(2, ""),
            org.assertj.core.groups.Tuple.tuple(3, "behaviour.type"),
            org.assertj.core.groups.Tuple.tuple(4, "impression.scenario"),
            org.assertj.core.groups.Tuple.tuple(5, "behaviour.event_time"),
            org.assertj.core.groups.Tuple.tuple(6, "behaviour.anchor_id"));
    assertThat(ack.getRejections(0).getReason()).contains("> 0");
  }

  @Test
  void aBatchOverTheLimitIsInvalidArgument() {
    EventBatch.Builder big = EventBatch.newBuilder();
    for (int i = 0; i < 1001; i++) {
      big.addEvents(impression("u", "a00001", "channel", 0));
    }
    assertThatThrownBy(() -> harness.events().send(big.build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).startsWith("events: at most 1000");
            });
  }

  @Test
  void aStreamIsAckedOnceWithIndexesInReceivedOrder() throws Exception {
    String user = newUser();
    long t = reference + 50;
    CompletableFuture<EventAck> ack = new CompletableFuture<>();
    StreamObserver<Event> stream =
        harness.eventsAsync().stream(
            new StreamObserver<>() {
              @Override
              public void onNext(EventAck value) {
                ack.complete(value);
              }

              @Override
              public void onError(Throwable t) {
                ack.completeExceptionally(t);
              }

              @Override
              public void onCompleted() {}
            });
    List<String> anchors = new ArrayList<>();
    for (int i = 0; i < 1200; i++) { // more than one internal chunk
      String anchor = String.format("a%05d", i % 40);
      anchors.add(anchor);
      stream.onNext(impression(user, anchor, "channel", t));
    }
    stream.onNext(Event.getDefaultInstance());
    stream.onCompleted();
    EventAck result = ack.get(20, TimeUnit.SECONDS);
    assertThat(result.getAccepted()).isEqualTo(1200);
    assertThat(result.getRejected()).isEqualTo(1);
    assertThat(result.getRejections(0).getIndex()).isEqualTo(1200);
    assertThat(read(user, t).recentlyExposedAnchors())
        .containsExactlyInAnyOrderElementsOf(anchors.stream().collect(Collectors.toSet()));
  }

  @Test
  void aStoreThatIsDownMakesSendUnavailable() throws Exception {
    FeatureStore closed = FeatureStores.open("memory", FeatureStoreConfig.defaults());
    closed.close();
    try (GatewayHarness down =
        new GatewayHarness(
            world,
            closed,
            world.recallTarget(),
            new FakeRankings.Predicting(),
            GatewayServerTest.testConfig())) {
      assertThatThrownBy(
              () -> down.events().send(batch(impression(newUser(), "a00001", "channel", 0))))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }
  }
}
