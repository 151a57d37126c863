package io.onair.importer.ecomm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.onair.dataset.progress.ConsoleProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the real CIKM 2019 sample kept beside the repository (never copied into it), when it is
 * there, and checks that the counts are what that data holds.
 */
class EcommImporterRealDataTest {
  @TempDir Path out;

  @Test
  void importsTheSharedSample() {
    String root = System.getProperty("onair.repository.root");
    assumeTrue(root != null, "onair.repository.root is not set");
    Path data = Path.of(root).resolve("../shared/data/ecomm-cikm2019").normalize();
    assumeTrue(
        Files.isRegularFile(data.resolve(EcommEvents.FILE_NAME)), "no EComm data at " + data);

    long start = System.nanoTime();
    EcommImportSummary summary =
        EcommImporter.importInto(
            data, out, EcommImportConfig.defaults(), new ConsoleProgress(System.out));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("EComm import: %s in %.2f s%n", summary, seconds); // reported, not asserted

    assertThat(summary.firstDay()).isEqualTo(LocalDate.of(2019, 6, 10));
    assertThat(summary.lastDay()).isEqualTo(LocalDate.of(2019, 6, 17));
    assertThat(summary.users()).isBetween(1_400L, 1_600L);
    assertThat(summary.anchors()).isEqualTo(401);
    assertThat(summary.itemEvents()).isEqualTo(63_071);
    assertThat(summary.items()).isBetween(30_000L, 40_000L);
    assertThat(summary.anchorItems()).isEqualTo(summary.items());
    assertThat(summary.follows())
        .isPositive()
        .isLessThanOrEqualTo(4_201); // at most one per collect
    assertThat(summary.shortRequests()).isZero();
    assertThat(summary.impressions())
        .isEqualTo(summary.requests() * (1 + EcommImportConfig.DEFAULT_NEGATIVES_PER_POSITIVE));
    assertThat(summary.purchaseLabels()).isPositive().isLessThanOrEqualTo(summary.cartLabels());

    CsvTable impressions = CsvTable.read(out.resolve("impressions.csv"));
    assertThat(impressions.rows()).hasSize((int) summary.impressions());
    EcommImporterTest.assertLabelsFollowTheTargetGraph(impressions);
    Set<String> anchors =
        new HashSet<>(CsvTable.read(out.resolve("anchors.csv")).column("anchor_id"));
    assertThat(anchors).containsAll(impressions.column("anchor_id"));
  }
}
