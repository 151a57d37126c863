package io.onair.gateway.testing;

import io.onair.proto.v1.Behaviour;
import io.onair.proto.v1.BehaviourType;
import io.onair.proto.v1.Event;
import io.onair.proto.v1.EventBatch;
import io.onair.proto.v1.Impression;
import io.onair.proto.v1.RecommendRequest;
import io.onair.proto.v1.RecommendResponse;
import io.onair.proto.v1.RecommendedItem;
import io.onair.recall.eval.HeldOutRequest;
import java.util.List;

/** Builders for the wire messages the tests send. */
public final class Requests {
  private Requests() {}

  public static RecommendRequest.Builder recommend(HeldOutRequest r, int count) {
    return RecommendRequest.newBuilder()
        .setUserId(r.userId())
        .setScenario(r.scenario())
        .setReferAnchorId(r.referAnchorId())
        .setCount(count)
        .setRequestTime(r.time());
  }

  public static Event follow(String user, String anchor, long time) {
    return behaviour(user, anchor, BehaviourType.BEHAVIOUR_TYPE_FOLLOW, 0, time);
  }

  public static Event behaviour(
      String user, String anchor, BehaviourType type, double value, long time) {
    return Event.newBuilder()
        .setBehaviour(
            Behaviour.newBuilder()
                .setUserId(user)
                .setAnchorId(anchor)
                .setType(type)
                .setValue(value)
                .setEventTime(time))
        .build();
  }

  public static Event impression(String user, String anchor, String scenario, long time) {
    return Event.newBuilder()
        .setImpression(
            Impression.newBuilder()
                .setUserId(user)
                .setAnchorId(anchor)
                .setScenario(scenario)
                .setPosition(1)
                .setEventTime(time))
        .build();
  }

  public static EventBatch batch(Event... events) {
    return EventBatch.newBuilder().addAllEvents(List.of(events)).build();
  }

  public static List<String> ids(RecommendResponse response) {
    return response.getItemsList().stream().map(RecommendedItem::getAnchorId).toList();
  }
}
