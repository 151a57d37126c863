package io.onair.importer.ecomm;

import io.onair.dataset.DatasetException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams one of the EComm source files (UTF-8, tab-separated, no header, one record a line) and
 * parses its fields. Every problem becomes a {@link DatasetException} naming the file, the 1-based
 * line and the reason; nothing is skipped. Not thread-safe.
 */
final class TabSeparatedFile implements AutoCloseable {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final int MAX_ID_DIGITS = 18; // every 18-digit decimal fits in a long

  private final BufferedReader reader;
  private final String fileName;
  private final List<String> columns;
  private final String[] fields;
  private long line;

  private TabSeparatedFile(BufferedReader reader, String fileName, List<String> columns) {
    this.reader = reader;
    this.fileName = fileName;
    this.columns = List.copyOf(columns);
    this.fields = new String[columns.size()];
  }

  /**
   * Opens {@code directory/fileName}, whose records must have exactly the given columns.
   *
   * @throws DatasetException when the file is missing
   */
  static TabSeparatedFile open(Path directory, String fileName, List<String> columns) {
    Path file = directory.resolve(fileName);
    try {
      // Malformed UTF-8 decodes to U+FFFD, which no field accepts, so the error names its line.
      return new TabSeparatedFile(
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16),
          fileName,
          columns);
    } catch (NoSuchFileException e) {
      throw new DatasetException(fileName, "missing: expected it in " + directory.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  String fileName() {
    return fileName;
  }

  /** The 1-based line of the current record. */
  long line() {
    return line;
  }

  /** Moves to the next record; false at the end of the file. */
  boolean next() {
    String text;
    try {
      text = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName + " after line " + line, e);
    }
    if (text == null) {
      return false;
    }
    line++;
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw fail("empty line (expected " + describeColumns() + ")");
    }
    int count = 0;
    int start = 0;
    while (true) {
      int tab = text.indexOf('\t', start);
      String field = tab < 0 ? text.substring(start) : text.substring(start, tab);
      if (count < fields.length) {
        fields[count] = field;
      }
      count++;
      if (tab < 0) {
        break;
      }
      start = tab + 1;
    }
    if (count != fields.length) {
      throw fail("expected " + describeColumns() + ", found " + count + " field(s)");
    }
    return true;
  }

  String text(int column) {
    return fields[column];
  }

  /** A source id: a non-negative decimal integer. */
  long id(int column) {
    String value = fields[column];
    if (value.isEmpty() || value.length() > MAX_ID_DIGITS || !allDigits(value)) {
      throw fail(columns.get(column) + " must be a non-negative integer id, got '" + value + "'");
    }
    return Long.parseLong(value);
  }

  /** A coded value such as a gender or a level: an integer, -1 meaning unknown in this data. */
  int code(int column) {
    String value = fields[column];
    boolean negative = value.startsWith("-");
    String digits = negative ? value.substring(1) : value;
    if (digits.isEmpty() || digits.length() > 9 || !allDigits(digits)) {
      throw fail(columns.get(column) + " must be an integer code, got '" + value + "'");
    }
    return Integer.parseInt(value);
  }

  /** A finite decimal number (no NaN, no infinity, no hexadecimal). */
  double number(int column) {
    String value = fields[column];
    if (!NUMBER.matcher(value).matches()) {
      throw fail(columns.get(column) + " must be a decimal number, got '" + value + "'");
    }
    double parsed = Double.parseDouble(value);
    if (!Double.isFinite(parsed)) {
      throw fail(columns.get(column) + " is out of range: '" + value + "'");
    }
    return parsed;
  }

  /** A date written YYYYMMDD, from 1970 on, as days since 1970-01-01. */
  int epochDay(int column) {
    String value = fields[column];
    if (value.length() != 8 || !allDigits(value)) {
      throw fail(columns.get(column) + " must be a date YYYYMMDD, got '" + value + "'");
    }
    LocalDate date;
    try {
      date =
          LocalDate.of(
              Integer.parseInt(value.substring(0, 4)),
              Integer.parseInt(value.substring(4, 6)),
              Integer.parseInt(value.substring(6, 8)));
    } catch (DateTimeException e) {
      throw fail(columns.get(column) + " is not a calendar date: '" + value + "'");
    }
    if (date.getYear() < 1970) {
      throw fail(columns.get(column) + " is before 1970: '" + value + "'");
    }
    return Math.toIntExact(date.toEpochDay());
  }

  DatasetException fail(String reason) {
    return new DatasetException(fileName, line, reason);
  }

  private String describeColumns() {
    return columns.size() + " tab-separated fields (" + String.join(", ", columns) + ")";
  }

  private static boolean allDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
