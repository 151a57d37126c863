package io.onair.recall.grpc;

import io.onair.proto.v1.ArtifactVersion;
import io.onair.proto.v1.DataWindow;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.RecallCandidate;
import io.onair.proto.v1.RecallDebug;
import io.onair.proto.v1.RecallRequest;
import io.onair.proto.v1.RecallResponse;
import io.onair.proto.v1.RouteOutcome;
import io.onair.proto.v1.RouteProvenance;
import io.onair.proto.v1.RouteStatus;
import io.onair.proto.v1.StageLatency;
import io.onair.recall.engine.Degradation;
import io.onair.recall.engine.RecallResult;
import io.onair.recall.engine.RecalledAnchor;
import io.onair.recall.merge.Provenance;

/** Converts between the wire types and the domain, in one place. Stateless and thread-safe. */
public final class ProtoMapping {
  private ProtoMapping() {}

  public static io.onair.recall.engine.RecallRequest toDomain(RecallRequest r) {
    return new io.onair.recall.engine.RecallRequest(
        r.getUserId(),
        r.getScenario(),
        r.getReferAnchorId(),
        r.getCount(),
        r.getExcludeAnchorIdsList(),
        r.getRequestTime(),
        r.getDebug(),
        r.getRoutesList(),
        r.getRequestId());
  }

  public static RecallResponse toProto(RecallResult result, boolean debug) {
    RecallResponse.Builder out = RecallResponse.newBuilder();
    for (RecalledAnchor c : result.candidates()) {
      RecallCandidate.Builder candidate =
          RecallCandidate.newBuilder()
              .setAnchorId(c.anchorId())
              .setScore(c.score())
              .setCategory(c.category());
      for (Provenance p : c.provenance()) {
        candidate.addProvenance(
            RouteProvenance.newBuilder()
                .setRoute(p.route())
                .setScore(p.score())
                .setRank(p.rank())
                .setViaId(p.viaId()));
      }
      out.addCandidates(candidate);
    }
    for (io.onair.recall.engine.RouteOutcome o : result.outcomes()) {
      out.addRouteOutcomes(
          RouteOutcome.newBuilder()
              .setRoute(o.route())
              .setStatus(status(o.status()))
              .setCandidateCount(o.candidateCount())
              .setSelectedCount(o.selectedCount())
              .setLatencyMicros(o.latencyMicros())
              .setDetail(o.detail()));
    }
    for (Degradation d : Degradation.values()) {
      if (result.degradations().contains(d)) {
        out.addDegradationFlags(flag(d));
      }
    }
    out.addArtifacts(
        ArtifactVersion.newBuilder()
            .setName("relations")
            .setVersion(result.relationsVersion())
            .setDataWindow(
                DataWindow.newBuilder()
                    .setStartTime(result.relationsWindow().start())
                    .setEndTime(result.relationsWindow().holdoutStart())));
    if (debug) {
      RecallResult.Debug d = result.debug();
      RecallDebug.Builder builder =
          RecallDebug.newBuilder()
              .setDuplicatesMerged(d.duplicatesMerged())
              .setRemovedNotLive(d.removedNotLive())
              .setRemovedRecentlyShown(d.removedRecentlyShown())
              .setRemovedExcluded(d.removedExcluded())
              .setRemovedByQuota(d.removedByQuota());
      d.stageMicros()
          .forEach(
              (stage, micros) ->
                  builder.addStageLatencies(
                      StageLatency.newBuilder().setStage(stage).setMicros(micros)));
      out.setDebug(builder);
    }
    return out.build();
  }

  static RouteStatus status(io.onair.recall.engine.RouteStatus status) {
    return switch (status) {
      case OK -> RouteStatus.ROUTE_STATUS_OK;
      case DROPPED_ERROR -> RouteStatus.ROUTE_STATUS_DROPPED_ERROR;
      case DROPPED_DEADLINE -> RouteStatus.ROUTE_STATUS_DROPPED_DEADLINE;
      case EMPTY -> RouteStatus.ROUTE_STATUS_EMPTY;
      case SKIPPED -> RouteStatus.ROUTE_STATUS_SKIPPED;
    };
  }

  static DegradationFlag flag(Degradation degradation) {
    return switch (degradation) {
      case ROUTE_DROPPED -> DegradationFlag.DEGRADATION_FLAG_ROUTE_DROPPED;
      case COLD_START_POPULAR -> DegradationFlag.DEGRADATION_FLAG_COLD_START_POPULAR;
      case FEATURES_UNAVAILABLE -> DegradationFlag.DEGRADATION_FLAG_FEATURES_UNAVAILABLE;
      case REFER_IGNORED -> DegradationFlag.DEGRADATION_FLAG_REFER_IGNORED;
      case FEWER_THAN_REQUESTED -> DegradationFlag.DEGRADATION_FLAG_FEWER_THAN_REQUESTED;
    };
  }
}
