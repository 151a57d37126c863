package io.onair.ranking.serving.grpc;

import io.onair.dataset.manifest.TargetSpec;
import io.onair.proto.v1.DataWindow;
import io.onair.proto.v1.DegradationFlag;
import io.onair.proto.v1.ModelVersion;
import io.onair.proto.v1.RankCandidate;
import io.onair.proto.v1.RankDebug;
import io.onair.proto.v1.RankRequest;
import io.onair.proto.v1.RankResponse;
import io.onair.proto.v1.RankedCandidate;
import io.onair.proto.v1.StageLatency;
import io.onair.proto.v1.TargetInfo;
import io.onair.proto.v1.TargetKind;
import io.onair.ranking.serving.rank.Degradation;
import io.onair.ranking.serving.rank.RankQuery;
import io.onair.ranking.serving.rank.RankResult;
import io.onair.ranking.serving.rank.ServedModel;
import java.util.ArrayList;
import java.util.List;

/** Converts between the wire types of ranking.proto and the domain. Stateless. */
public final class ProtoMapping {
  private ProtoMapping() {}

  /** The domain query of a request. Route provenance and recall scores are not model inputs. */
  public static RankQuery toDomain(RankRequest request) {
    List<String> anchors = new ArrayList<>(request.getCandidatesCount());
    for (RankCandidate candidate : request.getCandidatesList()) {
      anchors.add(candidate.getAnchorId());
    }
    return new RankQuery(
        request.getUserId(),
        request.getScenario(),
        request.getReferAnchorId(),
        anchors,
        request.getRequestTime(),
        request.getDebug(),
        request.getModelName(),
        request.getRequestId());
  }

  /** The response of a result. */
  public static RankResponse toProto(RankResult result, boolean debug) {
    RankResponse.Builder response = RankResponse.newBuilder().setModel(model(result.model()));
    List<TargetSpec> targets = result.model().targets();
    for (int i = 0; i < result.anchorIds().size(); i++) {
      RankedCandidate.Builder candidate =
          RankedCandidate.newBuilder().setAnchorId(result.anchorIds().get(i));
      if (i < result.scored()) {
        for (int t = 0; t < targets.size(); t++) {
          candidate.putPredictions(targets.get(t).name(), result.predictions()[t][i]);
        }
      }
      response.addResults(candidate);
    }
    for (Degradation degradation : result.degradations()) {
      response.addDegradationFlags(flag(degradation));
    }
    if (debug) {
      RankDebug.Builder details = RankDebug.newBuilder().setBatchSize(result.batchSize());
      result
          .stageMicros()
          .forEach(
              (stage, micros) ->
                  details.addStageLatencies(
                      StageLatency.newBuilder().setStage(stage).setMicros(micros)));
      response.setDebug(details);
    }
    return response.build();
  }

  static ModelVersion model(ServedModel model) {
    ModelVersion.Builder version =
        ModelVersion.newBuilder()
            .setModelName(model.name())
            .setVersion(model.version())
            .setDataWindow(
                DataWindow.newBuilder()
                    .setStartTime(model.windowStart())
                    .setEndTime(model.windowEnd()));
    for (TargetSpec target : model.targets()) {
      version.addTargets(
          TargetInfo.newBuilder()
              .setName(target.name())
              .addAllParents(target.parents())
              .setKind(
                  switch (target.kind()) {
                    case BINARY -> TargetKind.TARGET_KIND_BINARY;
                    case NUMERIC -> TargetKind.TARGET_KIND_NUMERIC;
                  }));
    }
    return version.build();
  }

  static DegradationFlag flag(Degradation degradation) {
    return switch (degradation) {
      case FEATURES_UNAVAILABLE -> DegradationFlag.DEGRADATION_FLAG_FEATURES_UNAVAILABLE;
      case REFER_IGNORED -> DegradationFlag.DEGRADATION_FLAG_REFER_IGNORED;
      case RANKING_PARTIAL -> DegradationFlag.DEGRADATION_FLAG_RANKING_PARTIAL;
    };
  }
}
