package io.onair.gateway.grpc;

import io.onair.dataset.manifest.TargetKind;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.gateway.blend.FusionTermValue;
import io.onair.gateway.events.BehaviourEvent;
import io.onair.gateway.events.BehaviourKind;
import io.onair.gateway.events.EventAckResult;
import io.onair.gateway.events.EventRejection;
import io.onair.gateway.events.ImpressionEvent;
import io.onair.gateway.events.IncomingEvent;
import io.onair.gateway.explain.Explanation;
import io.onair.gateway.recommend.ArtifactInfo;
import io.onair.gateway.recommend.Candidate;
import io.onair.gateway.recommend.Degradation;
import io.onair.gateway.recommend.ModelInfo;
import io.onair.gateway.recommend.Provenance;
import io.onair.gateway.recommend.RecommendDebugInfo;
import io.onair.gateway.recommend.RecommendInput;
import io.onair.gateway.recommend.Recommendation;
import io.onair.gateway.recommend.RecommendedAnchor;
import io.onair.gateway.recommend.RouteReport;
import io.onair.proto.v1.ArtifactVersion;
import io.onair.proto.v1.Behaviour;
import io.onair.proto.v1.DataWindow;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.Event;
import io.onair.proto.v1.EventAck;
import io.onair.proto.v1.FusionTerm;
import io.onair.proto.v1.Impression;
import io.onair.proto.v1.ModelVersion;
import io.onair.proto.v1.RecallCandidate;
import io.onair.proto.v1.RecommendDebug;
import io.onair.proto.v1.RecommendRequest;
import io.onair.proto.v1.RecommendResponse;
import io.onair.proto.v1.RecommendedItem;
import io.onair.proto.v1.RouteOutcome;
import io.onair.proto.v1.RouteProvenance;
import io.onair.proto.v1.RouteStatus;
import io.onair.proto.v1.StageLatency;
import io.onair.proto.v1.TargetInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Converts between the wire types and the gateway's domain types. Stateless and thread-safe. */
final class ProtoMapping {
  private static final String FLAG_PREFIX = "DEGRADATION_FLAG_";

  private ProtoMapping() {}

  static RecommendInput input(RecommendRequest r, Long deadlineNanos) {
    return new RecommendInput(
        r.getUserId(),
        r.getScenario(),
        r.getReferAnchorId(),
        r.getCount(),
        r.getDebug(),
        r.getRequestTime(),
        r.getExcludeAnchorIdsList(),
        r.getRequestId(),
        deadlineNanos);
  }

  static RecommendResponse response(Recommendation r) {
    RecommendResponse.Builder out = RecommendResponse.newBuilder().setRequestId(r.requestId());
    for (RecommendedAnchor item : r.items()) {
      RecommendedItem.Builder b =
          RecommendedItem.newBuilder()
              .setAnchorId(item.anchorId())
              .setScore(item.score())
              .setRank(item.rank())
              .setCategory(item.category())
              .putAllPredictions(item.predictions());
      item.routes().forEach(p -> b.addRoutes(provenance(p)));
      if (item.explanation() != null) {
        b.setExplanation(explanation(item.explanation()));
      }
      out.addItems(b);
    }
    if (r.model() != null) {
      out.setModel(model(r.model()));
    }
    r.flags().forEach(f -> out.addDegradationFlags(flag(f)));
    if (r.debug() != null) {
      out.setDebug(debug(r.debug()));
    }
    return out.build();
  }

  private static io.onair.proto.v1.Explanation explanation(Explanation e) {
    io.onair.proto.v1.Explanation.Builder b =
        io.onair.proto.v1.Explanation.newBuilder()
            .setFusion(e.fusion())
            .setExpression(e.expression())
            .setFusedScore(e.fusedScore())
            .addAllAdjustments(e.adjustments())
            .setReason(e.reason());
    for (FusionTermValue t : e.terms()) {
      b.addTerms(
          FusionTerm.newBuilder()
              .setTarget(t.target())
              .setPrediction(t.prediction())
              .setWeight(t.weight())
              .setExponent(t.exponent())
              .setGroup(t.group())
              .setValue(t.value()));
    }
    return b.build();
  }

  private static RecommendDebug debug(RecommendDebugInfo d) {
    RecommendDebug.Builder b =
        RecommendDebug.newBuilder()
            .setRecalledCount(d.recalledCount())
            .setRankedCount(d.rankedCount())
            .setFilteredCount(d.filteredCount())
            .setFusionFormula(d.fusionFormula())
            .setBudgetMicros(d.budgetMicros());
    d.stageMicros()
        .forEach(
            (stage, micros) ->
                b.addStageLatencies(StageLatency.newBuilder().setStage(stage).setMicros(micros)));
    d.routes().forEach(r -> b.addRouteOutcomes(routeOutcome(r)));
    d.artifacts().forEach(a -> b.addArtifacts(artifact(a)));
    return b.build();
  }

  static RouteProvenance provenance(Provenance p) {
    return RouteProvenance.newBuilder()
        .setRoute(p.route())
        .setScore(p.score())
        .setRank(p.rank())
        .setViaId(p.viaId())
        .build();
  }

  static Provenance provenance(RouteProvenance p) {
    return new Provenance(p.getRoute(), p.getScore(), p.getRank(), p.getViaId());
  }

  static Candidate candidate(RecallCandidate c) {
    return new Candidate(
        c.getAnchorId(),
        c.getScore(),
        c.getCategory(),
        c.getProvenanceList().stream().map(ProtoMapping::provenance).toList());
  }

  static RouteReport routeReport(RouteOutcome o) {
    RouteReport.State state =
        switch (o.getStatus()) {
          case ROUTE_STATUS_OK -> RouteReport.State.OK;
          case ROUTE_STATUS_DROPPED_DEADLINE -> RouteReport.State.DROPPED_DEADLINE;
          case ROUTE_STATUS_EMPTY -> RouteReport.State.EMPTY;
          case ROUTE_STATUS_SKIPPED -> RouteReport.State.SKIPPED;
          // unknown statuses are "not OK" (api.md, versioning)
          default -> RouteReport.State.DROPPED_ERROR;
        };
    return new RouteReport(
        o.getRoute(),
        state,
        o.getCandidateCount(),
        o.getSelectedCount(),
        o.getLatencyMicros(),
        o.getDetail());
  }

  private static RouteOutcome routeOutcome(RouteReport r) {
    RouteStatus status =
        switch (r.state()) {
          case OK -> RouteStatus.ROUTE_STATUS_OK;
          case DROPPED_ERROR -> RouteStatus.ROUTE_STATUS_DROPPED_ERROR;
          case DROPPED_DEADLINE -> RouteStatus.ROUTE_STATUS_DROPPED_DEADLINE;
          case EMPTY -> RouteStatus.ROUTE_STATUS_EMPTY;
          case SKIPPED -> RouteStatus.ROUTE_STATUS_SKIPPED;
        };
    return RouteOutcome.newBuilder()
        .setRoute(r.route())
        .setStatus(status)
        .setCandidateCount(r.candidateCount())
        .setSelectedCount(r.selectedCount())
        .setLatencyMicros(r.latencyMicros())
        .setDetail(r.detail())
        .build();
  }

  static ArtifactInfo artifact(ArtifactVersion a) {
    return new ArtifactInfo(
        a.getName(),
        a.getVersion(),
        a.getDataWindow().getStartTime(),
        a.getDataWindow().getEndTime());
  }

  private static ArtifactVersion artifact(ArtifactInfo a) {
    return ArtifactVersion.newBuilder()
        .setName(a.name())
        .setVersion(a.version())
        .setDataWindow(window(a.windowStart(), a.windowEnd()))
        .build();
  }

  private static DataWindow window(long start, long end) {
    return DataWindow.newBuilder().setStartTime(start).setEndTime(end).build();
  }

  /** Known flags only: a flag this gateway does not know is informational and dropped. */
  static Set<Degradation> flags(Collection<DegradationFlag> flags) {
    Set<Degradation> out = EnumSet.noneOf(Degradation.class);
    for (DegradationFlag f : flags) {
      if (f == DegradationFlag.UNRECOGNIZED || !f.name().startsWith(FLAG_PREFIX)) {
        continue;
      }
      try {
        out.add(Degradation.valueOf(f.name().substring(FLAG_PREFIX.length())));
      } catch (IllegalArgumentException unknown) {
        // UNSPECIFIED or a flag newer than this gateway: informational only
      }
    }
    return out;
  }

  static DegradationFlag flag(Degradation d) {
    return DegradationFlag.valueOf(FLAG_PREFIX + d.name());
  }

  /**
   * The model of a ranking answer.
   *
   * @throws IllegalArgumentException when its targets are not a valid target list
   */
  static ModelInfo model(ModelVersion m) {
    List<TargetSpec> targets = new ArrayList<>(m.getTargetsCount());
    for (TargetInfo t : m.getTargetsList()) {
      TargetKind kind =
          switch (t.getKind()) {
            case TARGET_KIND_NUMERIC -> TargetKind.NUMERIC;
            case TARGET_KIND_BINARY -> TargetKind.BINARY;
            default -> TargetKind.defaultFor(t.getName());
          };
      targets.add(new TargetSpec(t.getName(), t.getParentsList(), kind));
    }
    return new ModelInfo(
        m.getModelName(),
        m.getVersion(),
        m.getDataWindow().getStartTime(),
        m.getDataWindow().getEndTime(),
        targets);
  }

  private static ModelVersion model(ModelInfo m) {
    ModelVersion.Builder b =
        ModelVersion.newBuilder()
            .setModelName(m.modelName())
            .setVersion(m.version())
            .setDataWindow(window(m.windowStart(), m.windowEnd()));
    for (TargetSpec t : m.targets()) {
      b.addTargets(
          TargetInfo.newBuilder()
              .setName(t.name())
              .addAllParents(t.parents())
              .setKind(
                  t.kind() == TargetKind.NUMERIC
                      ? io.onair.proto.v1.TargetKind.TARGET_KIND_NUMERIC
                      : io.onair.proto.v1.TargetKind.TARGET_KIND_BINARY));
    }
    return b.build();
  }

  static IncomingEvent event(Event e) {
    return switch (e.getPayloadCase()) {
      case IMPRESSION -> IncomingEvent.of(impression(e.getImpression()));
      case BEHAVIOUR -> IncomingEvent.of(behaviour(e.getBehaviour()));
      default -> new IncomingEvent(null, null);
    };
  }

  private static ImpressionEvent impression(Impression i) {
    return new ImpressionEvent(
        i.getUserId(),
        i.getAnchorId(),
        i.getScenario(),
        i.getReferAnchorId(),
        i.getPosition(),
        i.getRequestId(),
        i.getEventTime());
  }

  private static BehaviourEvent behaviour(Behaviour b) {
    BehaviourKind kind =
        switch (b.getType()) {
          case BEHAVIOUR_TYPE_CLICK -> BehaviourKind.CLICK;
          case BEHAVIOUR_TYPE_VIEW_10S -> BehaviourKind.VIEW_10S;
          case BEHAVIOUR_TYPE_WATCH -> BehaviourKind.WATCH;
          case BEHAVIOUR_TYPE_LIKE -> BehaviourKind.LIKE;
          case BEHAVIOUR_TYPE_COMMENT -> BehaviourKind.COMMENT;
          case BEHAVIOUR_TYPE_FOLLOW -> BehaviourKind.FOLLOW;
          case BEHAVIOUR_TYPE_UNFOLLOW -> BehaviourKind.UNFOLLOW;
          case BEHAVIOUR_TYPE_BAG_CLICK -> BehaviourKind.BAG_CLICK;
          case BEHAVIOUR_TYPE_CART -> BehaviourKind.CART;
          case BEHAVIOUR_TYPE_PURCHASE -> BehaviourKind.PURCHASE;
          case BEHAVIOUR_TYPE_ITEM_CLICK -> BehaviourKind.ITEM_CLICK;
          case BEHAVIOUR_TYPE_ITEM_COLLECT -> BehaviourKind.ITEM_COLLECT;
          default -> null;
        };
    return new BehaviourEvent(
        b.getUserId(),
        b.getAnchorId(),
        b.getItemId(),
        kind,
        b.getValue(),
        b.getEventTime(),
        b.getScenario(),
        b.getRequestId());
  }

  static EventAck ack(EventAckResult r) {
    EventAck.Builder b =
        EventAck.newBuilder()
            .setAccepted(r.accepted())
            .setRejected(r.rejected())
            .setRejectionsTruncated(r.truncated());
    for (EventRejection rejection : r.rejections()) {
      b.addRejections(
          io.onair.proto.v1.EventRejection.newBuilder()
              .setIndex(rejection.index())
              .setField(rejection.field())
              .setReason(rejection.reason()));
    }
    return b.build();
  }
}
