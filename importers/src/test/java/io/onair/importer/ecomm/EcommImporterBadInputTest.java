package io.onair.importer.ecomm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.onair.dataset.DatasetException;
import io.onair.dataset.progress.Progress;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input fails with the source file, the line and the reason, and writes nothing. */
class EcommImporterBadInputTest {
  @TempDir Path temp;
  private Path in;
  private Path out;

  @BeforeEach
  void copyFixture() throws IOException, URISyntaxException {
    in = EcommImporterTest.fixtureCopy(temp.resolve("in"));
    out = temp.resolve("out");
  }

  /** Replaces line {@code line} (1-based) of a fixture file; '|' in the text stands for a tab. */
  private void replaceLine(String fileName, int line, String text) throws IOException {
    Path file = in.resolve(fileName);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(line - 1, text.replace('|', '\t'));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private DatasetException importFails() {
    DatasetException failure =
        catchThrowableOfType(
            DatasetException.class,
            () -> EcommImporter.importInto(in, out, EcommImportConfig.defaults(), Progress.NONE));
    assertThat(failure).as("the import should fail").isNotNull();
    assertThat(Files.exists(out)).as("nothing is written on bad input").isFalse();
    return failure;
  }

  @ParameterizedTest(name = "{0} line {1}: {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "ecomm_edge_train.txt; 3; 1|102|1; expected 4 tab-separated fields (user_id, item_id,"
            + " behaviour, date), found 3 field(s)",
        "ecomm_edge_train.txt; 2; 1|101|1|20190610|x; expected 4 tab-separated fields",
        "ecomm_edge_train.txt; 4; u1|104|2|20190610; user_id must be a non-negative integer id,"
            + " got 'u1'",
        "ecomm_edge_train.txt; 4; 1|10x4|2|20190610; item_id must be a non-negative integer id",
        "ecomm_edge_train.txt; 5; 1|103|5|20190611; behaviour must be 1 (click), 2 (collect), 3"
            + " (cart) or 4 (buy), got '5'",
        "ecomm_edge_train.txt; 5; 1|103|buy|20190611; behaviour must be an integer code, got 'buy'",
        "ecomm_edge_train.txt; 6; 2|105|1|2019-06-11; date must be a date YYYYMMDD, got"
            + " '2019-06-11'",
        "ecomm_edge_train.txt; 6; 2|105|1|20190231; date is not a calendar date: '20190231'",
        "ecomm_edge_train.txt; 7; 2|999|1|20190611; item 999 is not listed in"
            + " ecomm_item_feature.txt",
        "ecomm_edge_train.txt; 7; ; empty line",
        "ecomm_item_feature.txt; 2; 102|1|11|7|twenty; price must be a decimal number, got"
            + " 'twenty'",
        "ecomm_item_feature.txt; 2; 102|1|11|7|NaN; price must be a decimal number, got 'NaN'",
        "ecomm_item_feature.txt; 2; 102|1|11|7|-3; price must not be negative, got '-3'",
        "ecomm_item_feature.txt; 3; 101|1|12|0|5.25; item 101 is listed twice",
        "ecomm_item_feature.txt; 3; 103|2|11|0|5.25; cate_id 11 has cate_1_id 2, but line 1 gave"
            + " it cate_1_id 1",
        "ecomm_item_feature.txt; 5; 105|2|22|0; expected 5 tab-separated fields",
        "ecomm_user_feature.txt; 3; 1|0|4|2|2|100|6; user 1 is listed twice (first on line 1)",
        "ecomm_user_feature.txt; 3; 3|f|4|2|2|100|6; gender must be an integer code, got 'f'",
        "ecomm_user_feature.txt; 3; 3|0|4|2|2|-5|6; income must be -1 (unknown) or non-negative",
        "ecomm_user_feature.txt; 3; 3|0|4|2|2|100|6/7; stage_list must be comma-separated integer"
            + " codes, got '6/7'",
      })
  void badInputNamesFileLineAndReason(String fileName, int line, String text, String reason)
      throws IOException {
    replaceLine(fileName, line, text == null ? "" : text);

    DatasetException failure = importFails();

    assertThat(failure.fileName()).isEqualTo(fileName);
    assertThat(failure.line()).isEqualTo(line);
    assertThat(failure.reason()).contains(reason);
    assertThat(failure.getMessage()).startsWith(fileName + ", line " + line + ": ");
  }

  @Test
  void aMissingSourceFileIsNamed() throws IOException {
    Files.delete(in.resolve(EcommUsers.FILE_NAME));

    DatasetException failure = importFails();

    assertThat(failure.fileName()).isEqualTo("ecomm_user_feature.txt");
    assertThat(failure.line()).isZero();
    assertThat(failure.reason()).startsWith("missing");
  }

  @Test
  void anEmptyBehaviourLogIsRefused() throws IOException {
    Files.writeString(in.resolve(EcommEvents.FILE_NAME), "");

    DatasetException failure = importFails();

    assertThat(failure.getMessage()).isEqualTo("ecomm_edge_train.txt: holds no event");
  }

  @Test
  void bytesThatAreNotUtf8FailOnTheirLine() throws IOException {
    Path file = in.resolve(EcommUsers.FILE_NAME);
    String good = Files.readString(file, StandardCharsets.US_ASCII);
    int lineThree = good.indexOf("3\t0\t");
    byte[] head = good.substring(0, lineThree).getBytes(StandardCharsets.US_ASCII);
    byte[] tail = good.substring(lineThree + 2).getBytes(StandardCharsets.US_ASCII);
    byte[] bad = new byte[head.length + 3 + tail.length];
    System.arraycopy(head, 0, bad, 0, head.length);
    bad[head.length] = '3';
    bad[head.length + 1] = '\t';
    bad[head.length + 2] = (byte) 0xC3; // a lead byte without its continuation
    System.arraycopy(tail, 0, bad, head.length + 3, tail.length);
    Files.write(file, bad);

    DatasetException failure = importFails();

    assertThat(failure.fileName()).isEqualTo("ecomm_user_feature.txt");
    assertThat(failure.line()).isEqualTo(3);
    assertThat(failure.reason()).startsWith("gender must be an integer code");
  }
}
