package io.onair.recall.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.recall.route.RouteCandidate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateMergerTest {
  private final CandidateMerger merger = new CandidateMerger(60);

  private static List<RouteCandidate> list(int... anchors) {
    List<RouteCandidate> out = new ArrayList<>();
    for (int i = 0; i < anchors.length; i++) {
      out.add(new RouteCandidate(anchors[i], 100 - i, "v" + anchors[i]));
    }
    return out;
  }

  @Test
  void deduplicatesAndKeepsEveryRoutesProvenance() {
    CandidateMerger.Result r =
        merger.merge(
            List.of(
                new RouteList("A", list(1, 2, 3), 10, 1.0),
                new RouteList("B", list(3, 4), 10, 1.0)),
            10,
            a -> true);
    assertThat(r.candidates()).extracting(MergedCandidate::anchor).containsExactly(3, 1, 2, 4);
    MergedCandidate three = r.candidates().get(0);
    assertThat(three.provenance()).extracting(Provenance::route).containsExactly("B", "A");
    assertThat(three.provenance().get(0).rank()).isEqualTo(1);
    assertThat(three.provenance().get(1).rank()).isEqualTo(3);
    assertThat(three.score()).isEqualTo(1.0 / 61 + 1.0 / 63);
    assertThat(r.duplicatesMerged()).isEqualTo(1);
    assertThat(r.selectedPerRoute()).containsEntry("A", 3).containsEntry("B", 2);
  }

  @Test
  void quotasKeepAPlaceForEveryRouteBeforeScoresFillTheRest() {
    // A is heavy and long; B's single anchor would lose on score but has a quota place.
    CandidateMerger.Result r =
        merger.merge(
            List.of(
                new RouteList("A", list(1, 2, 3, 4, 5, 6), 2, 10.0),
                new RouteList("B", list(9), 1, 0.1)),
            4,
            a -> true);
    assertThat(r.candidates()).extracting(MergedCandidate::anchor).containsExactly(1, 2, 3, 9);
    assertThat(r.removedByQuota()).isEqualTo(3);
  }

  @Test
  void theLastCheckRemovesWhatItRefuses() {
    CandidateMerger.Result r =
        merger.merge(List.of(new RouteList("A", list(1, 2, 3), 3, 1)), 3, a -> a != 2);
    assertThat(r.candidates()).extracting(MergedCandidate::anchor).containsExactly(1, 3);
    assertThat(r.removedByFilter()).isEqualTo(1);
  }

  @Test
  void neverReturnsMoreThanK() {
    CandidateMerger.Result r =
        merger.merge(
            List.of(new RouteList("A", list(1, 2, 3), 3, 1), new RouteList("B", list(4, 5), 2, 1)),
            2,
            a -> true);
    assertThat(r.candidates()).hasSize(2);
  }
}
