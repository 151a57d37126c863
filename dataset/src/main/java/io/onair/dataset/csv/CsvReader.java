package io.onair.dataset.csv;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 CSV records (quoted cells may hold commas, doubled quotes and line breaks),
 * remembering the physical line on which each record starts so that errors can name it.
 *
 * <p>Not thread-safe. The cell list returned by {@link #next()} is reused by the following call.
 */
public final class CsvReader implements AutoCloseable {
  private final Reader in;
  private final String fileName;
  private final List<String> cells = new ArrayList<>();
  private final StringBuilder cell = new StringBuilder(64);
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  private long recordLine;
  private boolean finished;

  private CsvReader(Reader in, String fileName) {
    this.in = in;
    this.fileName = fileName;
  }

  public static CsvReader open(Path file) {
    requireNonNull(file, "file is null");
    try {
      return new CsvReader(
          new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16),
          file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  public static CsvReader of(Reader reader, String fileName) {
    return new CsvReader(requireNonNull(reader, "reader is null"), fileName);
  }

  /** The physical line (1-based) on which the record last returned by {@link #next()} starts. */
  public long line() {
    return recordLine;
  }

  public String fileName() {
    return fileName;
  }

  /**
   * Reads the next record, or returns null at the end of the file. Blank lines are skipped.
   *
   * @throws CsvFormatException for an unterminated quote or text after a closing quote
   */
  public List<String> next() {
    while (true) {
      if (finished) {
        return null;
      }
      cells.clear();
      cell.setLength(0);
      recordLine = line;
      boolean any = readRecord();
      if (any) {
        return cells;
      }
    }
  }

  private boolean readRecord() {
    boolean quoted = false;
    boolean afterQuote = false;
    boolean sawContent = false;
    while (true) {
      int c = read();
      if (c < 0) {
        finished = true;
        if (quoted) {
          throw new CsvFormatException(fileName, recordLine, "a quoted cell is never closed");
        }
        if (sawContent) {
          cells.add(cell.toString());
        }
        return sawContent;
      }
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          int peek = peek();
          if (peek == '"') {
            read();
            cell.append('"');
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          cell.append(ch);
        }
        continue;
      }
      switch (ch) {
        case ',' -> {
          cells.add(cell.toString());
          cell.setLength(0);
          afterQuote = false;
          sawContent = true;
        }
        case '\r' -> {
          // The '\n' that follows ends the record; a lone '\r' is treated the same.
          if (peek() == '\n') {
            read();
          }
          line++;
          if (sawContent || cell.length() > 0 || afterQuote) {
            cells.add(cell.toString());
            return true;
          }
          recordLine = line;
        }
        case '\n' -> {
          line++;
          if (sawContent || cell.length() > 0 || afterQuote) {
            cells.add(cell.toString());
            return true;
          }
          recordLine = line;
        }
        case '"' -> {
          if (cell.length() > 0 || afterQuote) {
            throw new CsvFormatException(
                fileName, recordLine, "a quote inside an unquoted cell (quote the whole cell)");
          }
          quoted = true;
          sawContent = true;
        }
        default -> {
          if (afterQuote) {
            throw new CsvFormatException(
                fileName, recordLine, "text after the closing quote of a cell");
          }
          cell.append(ch);
          sawContent = true;
        }
      }
    }
  }

  private int read() {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() {
    try {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName, e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
