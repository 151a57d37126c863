package io.onair.dataset.csv;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes RFC 4180 CSV (UTF-8, comma, {@code \n} line ends) one cell at a time, without building a
 * string per row, so that tens of millions of rows stream to disk in bounded memory.
 *
 * <p>Numbers are written in a fixed, locale-free form so that the same values always give the same
 * bytes. Not thread-safe.
 */
public final class CsvWriter implements AutoCloseable {
  private final Writer out;
  private final int columns;
  private final StringBuilder scratch = new StringBuilder(32);
  private int cellInRow;
  private long rows;

  private CsvWriter(Writer out, List<String> header) {
    this.out = out;
    this.columns = header.size();
    for (String name : header) {
      cell(name);
    }
    endRow();
    rows = 0;
  }

  /** Creates (or truncates) {@code file} and writes the header row. */
  public static CsvWriter create(Path file, List<String> header) {
    requireNonNull(file, "file is null");
    requireNonNull(header, "header is null");
    if (header.isEmpty()) {
      throw new IllegalArgumentException("a CSV header needs at least one column: " + file);
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Writer writer =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
      return new CsvWriter(writer, header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /** Writes a text cell, quoting it when it holds a comma, a quote or a line break. */
  public CsvWriter cell(String value) {
    separator();
    String text = value == null ? "" : value;
    try {
      if (needsQuotes(text)) {
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public CsvWriter cell(long value) {
    separator();
    write(Long.toString(value));
    return this;
  }

  /** Writes {@code value} rounded to {@code decimals} places, without trailing zeros. */
  public CsvWriter cell(double value, int decimals) {
    separator();
    scratch.setLength(0);
    appendFixed(scratch, value, decimals);
    write(scratch);
    return this;
  }

  /** Writes an empty cell. */
  public CsvWriter empty() {
    separator();
    return this;
  }

  /** Ends the current row; it must have exactly as many cells as the header. */
  public void endRow() {
    if (cellInRow != columns) {
      throw new IllegalStateException(
          "row " + (rows + 1) + " has " + cellInRow + " cells, the header has " + columns);
    }
    write("\n");
    cellInRow = 0;
    rows++;
  }

  /** Data rows written so far (the header is not counted). */
  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends {@code value} with at most {@code decimals} digits after the point, in a form that does
   * not depend on the locale, dropping trailing zeros ({@code 0.5}, {@code 12}, {@code -0.125}).
   */
  public static void appendFixed(StringBuilder sb, double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("cannot write a non-finite number: " + value);
    }
    if (decimals < 0 || decimals > 12) {
      throw new IllegalArgumentException("decimals must be within [0, 12]: " + decimals);
    }
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long scaled = Math.round(Math.abs(value) * scale);
    if (scaled != 0 && value < 0) {
      sb.append('-');
    }
    sb.append(scaled / scale);
    long fraction = scaled % scale;
    if (fraction != 0) {
      sb.append('.');
      int start = sb.length();
      String digits = Long.toString(fraction);
      for (int i = digits.length(); i < decimals; i++) {
        sb.append('0');
      }
      sb.append(digits);
      int end = sb.length();
      while (end > start && sb.charAt(end - 1) == '0') {
        end--;
      }
      sb.setLength(end);
    }
  }

  private static boolean needsQuotes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private void separator() {
    if (cellInRow == columns) {
      throw new IllegalStateException("row " + (rows + 1) + " has more cells than the header");
    }
    if (cellInRow > 0) {
      write(",");
    }
    cellInRow++;
  }

  private void write(CharSequence text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
