package io.onair.gateway.events;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.ItemAction;
import io.onair.dataset.activity.ActivityKind;
import io.onair.features.ActivityTally;
import io.onair.features.AnchorFeatures;
import io.onair.features.FeatureStore;
import io.onair.features.HistoryKind;
import io.onair.features.load.UserHistoryBuilder;
import io.onair.gateway.ErrorCode;
import io.onair.gateway.GatewayException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes events into the feature store, so that the next request reflects them:
 *
 * <ul>
 *   <li>an impression adds the anchor to the user's exposure set at the event time (recall and the
 *       gateway then leave it out for the exposure window);
 *   <li>FOLLOW puts the anchor into the follows with the event time as score (as the offline
 *       histories do), so U2F recalls it at once; UNFOLLOW removes it;
 *   <li>room behaviours add to the anchor's watched-anchors weight with the offline histories'
 *       engagement weights ({@link UserHistoryBuilder}): the entry into the room ({@code
 *       ENTRY_ENGAGEMENT}: CLICK, or VIEW_10S in swipe, the rule of {@code
 *       io.onair.dataset.PositiveLabels}), seconds watched ({@code watchEngagement}), every other
 *       positive target ({@code OTHER_TARGET_ENGAGEMENT}), times the recency factor relative to the
 *       histories' reference time, so live events and offline histories rank on one scale;
 *   <li>ITEM_CLICK, ITEM_COLLECT, CART and PURCHASE with an item add to the items history with the
 *       offline action weights (click 1, collect 2, cart 3, buy 4) and recency;
 *   <li>impressions, room entries (the rule above), FOLLOW, CART and PURCHASE are counted in the
 *       real-time anchor statistics under the anchor, its category and all rooms, as the training
 *       examples count them ({@code io.onair.ranking.features.OfflineActivity}).
 * </ul>
 *
 * Events are checked one by one ({@link EventValidator}); bad ones are rejected and the rest
 * written. A call fails as a whole (UNAVAILABLE) only when the store cannot be written.
 * Thread-safe.
 */
public final class EventIngestor {
  /** At most this many events per Send. */
  public static final int MAX_BATCH = 1000;

  /** The scenario whose entry behaviour is VIEW_10S (as in PositiveLabels). */
  static final String SWIPE = "swipe";

  private final FeatureStore store;
  private final EventValidator validator;
  private final long historyReference;
  private final Clock clock;
  private final long writeTimeoutMillis;

  /**
   * @param historyReference the time the offline histories were scored at (the relations window's
   *     held-out start): live events are weighted relative to it
   * @param writeTimeoutMillis how long to wait for the store before answering UNAVAILABLE
   */
  public EventIngestor(
      FeatureStore store,
      EventValidator validator,
      long historyReference,
      Clock clock,
      long writeTimeoutMillis) {
    this.store = requireNonNull(store, "store is null");
    this.validator = requireNonNull(validator, "validator is null");
    this.historyReference = historyReference;
    this.clock = requireNonNull(clock, "clock is null");
    if (writeTimeoutMillis <= 0) {
      throw new IllegalArgumentException("writeTimeoutMillis must be > 0");
    }
    this.writeTimeoutMillis = writeTimeoutMillis;
  }

  /**
   * Validates and writes {@code events}; {@code firstIndex} is the index of the first one (for a
   * stream, the number of messages received before).
   *
   * @throws GatewayException UNAVAILABLE when the store could not be written
   */
  public EventAckResult ingest(List<IncomingEvent> events, int firstIndex) {
    long now = clock.instant().getEpochSecond();
    List<EventRejection> rejections = new ArrayList<>();
    int rejected = 0;
    List<CompletableFuture<Void>> writes = new ArrayList<>(events.size() * 2);
    List<RoomActivity> activity = new ArrayList<>();
    try {
      for (int i = 0; i < events.size(); i++) {
        IncomingEvent event = events.get(i);
        EventRejection rejection = validator.check(event, firstIndex + i, now);
        if (rejection != null) {
          rejected++;
          if (rejections.size() < EventAckResult.MAX_LISTED) {
            rejections.add(rejection);
          }
          continue;
        }
        if (event.impression() != null) {
          write(event.impression(), now, writes, activity);
        } else {
          write(event.behaviour(), now, writes, activity);
        }
      }
      if (!activity.isEmpty()) {
        writes.add(countActivity(activity));
      }
    } catch (IllegalStateException e) {
      throw new GatewayException(ErrorCode.UNAVAILABLE, "the event store is closed", e);
    }
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
          .get(writeTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new GatewayException(
          ErrorCode.UNAVAILABLE, "the event store is unavailable: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new GatewayException(
          ErrorCode.UNAVAILABLE,
          "the event store did not answer within " + writeTimeoutMillis + " ms",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(ErrorCode.UNAVAILABLE, "interrupted", e);
    }
    return new EventAckResult(
        events.size() - rejected, rejected, rejections, rejected > rejections.size());
  }

  /** One event of the real-time anchor statistics, before the anchor's category is known. */
  private record RoomActivity(String anchorId, ActivityKind kind, long at) {}

  private void write(
      ImpressionEvent e, long now, List<CompletableFuture<Void>> writes, List<RoomActivity> room) {
    long at = e.eventTime() == 0 ? now : e.eventTime();
    writes.add(store.recordExposures(e.userId(), List.of(e.anchorId()), at));
    room.add(new RoomActivity(e.anchorId(), ActivityKind.IMPRESSION, at));
  }

  /**
   * Counts the batch's room activity ({@link ActivityTally}) with each anchor's category read from
   * the store's anchor features (an anchor the store does not hold counts under itself and all
   * rooms only).
   */
  private CompletableFuture<Void> countActivity(List<RoomActivity> room) {
    Set<String> anchorIds = new LinkedHashSet<>();
    room.forEach(r -> anchorIds.add(r.anchorId()));
    return store
        .readAnchors(anchorIds)
        .thenCompose(
            anchors -> {
              ActivityTally tally = new ActivityTally();
              for (RoomActivity r : room) {
                AnchorFeatures anchor = anchors.get(r.anchorId());
                tally.add(r.anchorId(), anchor == null ? "" : anchor.category(), r.kind(), r.at());
              }
              return store.recordActivity(tally.toEvents());
            });
  }

  /**
   * The kind a room behaviour counts as in the real-time statistics: the entry into the room (the
   * rule of {@code io.onair.dataset.PositiveLabels}), a follow, a cart or a purchase; null for the
   * others.
   */
  static ActivityKind activityKind(BehaviourKind type, String scenario) {
    return switch (type) {
      case CLICK -> SWIPE.equals(scenario) ? null : ActivityKind.CLICK;
      case VIEW_10S -> SWIPE.equals(scenario) ? ActivityKind.CLICK : null;
      case FOLLOW -> ActivityKind.FOLLOW;
      case CART -> ActivityKind.CART;
      case PURCHASE -> ActivityKind.PURCHASE;
      default -> null;
    };
  }

  private void write(
      BehaviourEvent e, long now, List<CompletableFuture<Void>> writes, List<RoomActivity> room) {
    long at = e.eventTime() == 0 ? now : e.eventTime();
    ActivityKind counted = activityKind(e.type(), e.scenario());
    if (counted != null && !e.anchorId().isEmpty()) {
      room.add(new RoomActivity(e.anchorId(), counted, at));
    }
    String user = e.userId();
    double watchRecency = UserHistoryBuilder.watchRecency(at, historyReference);
    double engagement =
        switch (e.type()) {
          case CLICK -> SWIPE.equals(e.scenario()) ? otherTarget() : entry();
          case VIEW_10S -> SWIPE.equals(e.scenario()) ? entry() : otherTarget();
          case WATCH -> UserHistoryBuilder.watchEngagement(e.value());
          case LIKE, COMMENT, FOLLOW, BAG_CLICK, CART, PURCHASE -> otherTarget();
          case UNFOLLOW, ITEM_CLICK, ITEM_COLLECT -> 0;
        };
    if (engagement > 0 && !e.anchorId().isEmpty()) {
      writes.add(
          store.incrementHistory(
              user, HistoryKind.WATCHED_ANCHORS, e.anchorId(), engagement * watchRecency));
    }
    if (e.type() == BehaviourKind.FOLLOW) {
      writes.add(store.putHistoryEntry(user, HistoryKind.FOLLOWS, e.anchorId(), at));
    } else if (e.type() == BehaviourKind.UNFOLLOW) {
      writes.add(store.removeHistoryEntry(user, HistoryKind.FOLLOWS, e.anchorId()));
    }
    ItemAction action =
        switch (e.type()) {
          case ITEM_CLICK -> ItemAction.CLICK;
          case ITEM_COLLECT -> ItemAction.COLLECT;
          case CART -> ItemAction.CART;
          case PURCHASE -> ItemAction.BUY;
          default -> null;
        };
    if (action != null && !e.itemId().isEmpty()) {
      writes.add(
          store.incrementHistory(
              user,
              HistoryKind.ITEMS,
              e.itemId(),
              UserHistoryBuilder.itemActionWeight(action, at, historyReference)));
    }
  }

  private static double entry() {
    return UserHistoryBuilder.ENTRY_ENGAGEMENT;
  }

  private static double otherTarget() {
    return UserHistoryBuilder.OTHER_TARGET_ENGAGEMENT;
  }
}
