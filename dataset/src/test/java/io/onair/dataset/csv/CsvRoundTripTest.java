package io.onair.dataset.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {
  @TempDir Path dir;

  @Test
  void quotedCellsSurviveAndLinesAreCounted() {
    Path file = dir.resolve("t.csv");
    try (CsvWriter w = CsvWriter.create(file, List.of("a", "b"))) {
      w.cell("plain").cell("with, comma").endRow();
      w.cell("say \"hi\"").cell("two\nlines").endRow();
      w.cell(-0.125, 3).cell(12.0, 4).endRow();
    }
    List<List<String>> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (CsvReader r = CsvReader.open(file)) {
      List<String> row;
      while ((row = r.next()) != null) {
        rows.add(List.copyOf(row));
        lines.add(r.line());
      }
    }
    assertThat(rows)
        .containsExactly(
            List.of("a", "b"),
            List.of("plain", "with, comma"),
            List.of("say \"hi\"", "two\nlines"),
            List.of("-0.125", "12"));
    assertThat(lines).containsExactly(1L, 2L, 3L, 5L);
  }

  @Test
  void fixedNumbersAreLocaleFreeAndTrimmed() {
    StringBuilder sb = new StringBuilder();
    CsvWriter.appendFixed(sb, 0.1234567, 6);
    sb.append(' ');
    CsvWriter.appendFixed(sb, 2.5, 6);
    sb.append(' ');
    CsvWriter.appendFixed(sb, -0.0000001, 6);
    sb.append(' ');
    CsvWriter.appendFixed(sb, 0.05, 2);
    assertThat(sb.toString()).isEqualTo("0.123457 2.5 0 0.05");
  }

  @Test
  void crlfAndBlankLinesAreAccepted() {
    CsvReader r = CsvReader.of(new StringReader("a,b\r\n\r\n1,2\r\n"), "x.csv");
    assertThat(r.next()).containsExactly("a", "b");
    assertThat(r.next()).containsExactly("1", "2");
    assertThat(r.line()).isEqualTo(3);
    assertThat(r.next()).isNull();
  }

  @Test
  void badQuotingIsReportedWithLine() {
    CsvReader r = CsvReader.of(new StringReader("a\n\"open\n"), "x.csv");
    r.next();
    assertThatThrownBy(r::next)
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("x.csv, line 2: a quoted cell is never closed");
    CsvReader r2 = CsvReader.of(new StringReader("a\nab\"c\n"), "y.csv");
    r2.next();
    assertThatThrownBy(r2::next).hasMessageContaining("y.csv, line 2: a quote inside");
  }

  @Test
  void writerRefusesRaggedRows() {
    try (CsvWriter w = CsvWriter.create(dir.resolve("r.csv"), List.of("a", "b"))) {
      w.cell("x");
      assertThatThrownBy(w::endRow).hasMessageContaining("has 1 cells, the header has 2");
    }
  }
}
