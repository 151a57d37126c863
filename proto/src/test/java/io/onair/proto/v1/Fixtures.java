package io.onair.proto.v1;

/** Fully populated messages shared by the tests. */
final class Fixtures {
  private Fixtures() {}

  /** A debug response of one item with every field of every nested message set. */
  static RecommendResponse fullRecommendResponse() {
    return RecommendResponse.newBuilder()
        .setRequestId("req-1")
        .setModel(
            ModelVersion.newBuilder()
                .setModelName("dbmtl")
                .setVersion("m-20261101")
                .setDataWindow(
                    DataWindow.newBuilder().setStartTime(1_690_000_000L).setEndTime(1_700_000_000L))
                .addTargets(
                    TargetInfo.newBuilder().setName("click").setKind(TargetKind.TARGET_KIND_BINARY))
                .addTargets(
                    TargetInfo.newBuilder()
                        .setName("watch_seconds")
                        .addParents("click")
                        .setKind(TargetKind.TARGET_KIND_NUMERIC))
                .addTargets(
                    TargetInfo.newBuilder()
                        .setName("follow")
                        .addParents("click")
                        .setKind(TargetKind.TARGET_KIND_BINARY)))
        .addDegradationFlags(DegradationFlag.DEGRADATION_FLAG_ROUTE_DROPPED)
        .addItems(
            RecommendedItem.newBuilder()
                .setAnchorId("anchor-1")
                .setScore(0.04158)
                .setRank(1)
                .setCategory("beauty")
                .addRoutes(
                    RouteProvenance.newBuilder()
                        .setRoute("U2A2A")
                        .setScore(0.7)
                        .setRank(3)
                        .setViaId("anchor-7"))
                .addRoutes(RouteProvenance.newBuilder().setRoute("U2F").setScore(1.0).setRank(1))
                .putPredictions("click", 0.12)
                .putPredictions("watch_seconds", 95.0)
                .putPredictions("follow", 0.01)
                .setExplanation(
                    Explanation.newBuilder()
                        .setFusion("multiplicative")
                        .setExpression("(1.0*0.12) * (0.005*95.0 + 2.0*0.01)")
                        .addTerms(term("click", 0.12, 1.0, 0, 0.12))
                        .addTerms(term("watch_seconds", 95.0, 0.005, 1, 0.475))
                        .addTerms(term("follow", 0.01, 2.0, 1, 0.02))
                        .setFusedScore(0.0594)
                        .addAdjustments("diversity: third 'beauty' anchor, score x0.7")
                        .setReason("You follow this anchor and watched similar rooms")))
        .setDebug(
            RecommendDebug.newBuilder()
                .addStageLatencies(StageLatency.newBuilder().setStage("recall").setMicros(8_000))
                .addRouteOutcomes(
                    RouteOutcome.newBuilder()
                        .setRoute("U2F")
                        .setStatus(RouteStatus.ROUTE_STATUS_OK)
                        .setCandidateCount(12)
                        .setSelectedCount(10)
                        .setLatencyMicros(900))
                .setRecalledCount(500)
                .setRankedCount(500)
                .setFilteredCount(3)
                .setFusionFormula("(1.0*p_click) * (0.005*p_watch_seconds + 2.0*p_follow)")
                .addArtifacts(ArtifactVersion.newBuilder().setName("vectors").setVersion("v-1"))
                .setBudgetMicros(150_000))
        .build();
  }

  private static FusionTerm term(
      String target, double prediction, double weight, int group, double value) {
    return FusionTerm.newBuilder()
        .setTarget(target)
        .setPrediction(prediction)
        .setWeight(weight)
        .setExponent(1.0)
        .setGroup(group)
        .setValue(value)
        .build();
  }
}
