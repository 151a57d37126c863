package io.onair.dataset.read;

import io.onair.dataset.DatasetException;
import io.onair.dataset.csv.CsvFormatException;
import io.onair.dataset.csv.CsvReader;
import io.onair.dataset.manifest.DatasetFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one CSV file of a dataset row by row, checking its header against the columns the format
 * and the manifest expect, and turning every bad cell into a {@link DatasetException} with the
 * file, the line and the reason. Not thread-safe.
 */
final class TableReader implements AutoCloseable {
  private final CsvReader csv;
  private final String fileName;
  private final Map<String, Integer> columnIndex = new HashMap<>();
  private final int width;
  private List<String> row;

  /**
   * @param required columns that must be present
   * @param allowed every column that may be present (required ones included)
   */
  TableReader(Path file, String fileName, Set<String> required, Set<String> allowed) {
    this.fileName = fileName;
    this.csv = CsvReader.open(file);
    List<String> header;
    try {
      header = csv.next();
    } catch (CsvFormatException e) {
      csv.close();
      throw new DatasetException(fileName, e.line(), e.reason());
    }
    if (header == null) {
      csv.close();
      throw new DatasetException(fileName, 1, "the file is empty: a header row is required");
    }
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      if (columnIndex.put(name, i) != null) {
        csv.close();
        throw new DatasetException(fileName, 1, "column '" + name + "' appears twice");
      }
      if (!allowed.contains(name)) {
        csv.close();
        throw new DatasetException(
            fileName,
            1,
            "column '"
                + name
                + "' is not part of the format nor declared in manifest.json (declare it as a"
                + " feature, or remove it)");
      }
    }
    for (String name : required) {
      if (!columnIndex.containsKey(name)) {
        csv.close();
        throw new DatasetException(
            fileName,
            1,
            "missing column '" + name + "' (required: " + String.join(", ", required) + ")");
      }
    }
    this.width = header.size();
  }

  static Set<String> columns(DatasetFile file, List<String> extra) {
    Set<String> columns = new LinkedHashSet<>(file.requiredColumns());
    columns.addAll(extra);
    return columns;
  }

  /** The column's position, or -1 when the file does not have it. */
  int column(String name) {
    Integer index = columnIndex.get(name);
    return index == null ? -1 : index;
  }

  /** Moves to the next row; false at the end of the file. */
  boolean next() {
    try {
      row = csv.next();
    } catch (CsvFormatException e) {
      throw new DatasetException(fileName, e.line(), e.reason());
    }
    if (row == null) {
      return false;
    }
    if (row.size() != width) {
      throw fail("expected " + width + " cells as in the header, found " + row.size());
    }
    return true;
  }

  long line() {
    return csv.line();
  }

  String text(int column) {
    return row.get(column);
  }

  /** A non-empty id. */
  String id(int column, String what) {
    String value = row.get(column);
    if (value.isEmpty()) {
      throw fail("empty " + what);
    }
    return value;
  }

  long epochSeconds(int column, String name) {
    String value = row.get(column);
    try {
      long ts = Long.parseLong(value);
      if (ts < 0) {
        throw fail(
            "column '" + name + "' must be a non-negative epoch second, got '" + value + "'");
      }
      return ts;
    } catch (NumberFormatException e) {
      throw fail("column '" + name + "' must be an integer epoch second, got '" + value + "'");
    }
  }

  int nonNegativeInt(int column, String name) {
    String value = row.get(column);
    try {
      int v = Integer.parseInt(value);
      if (v < 0) {
        throw fail("column '" + name + "' must be a non-negative integer, got '" + value + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw fail("column '" + name + "' must be a non-negative integer, got '" + value + "'");
    }
  }

  /** A finite number; NaN for an empty cell when {@code optional}. */
  float number(int column, String name, boolean optional) {
    String value = row.get(column);
    if (value.isEmpty()) {
      if (optional) {
        return Float.NaN;
      }
      throw fail("column '" + name + "' is empty, a number is required");
    }
    try {
      float v = Float.parseFloat(value);
      if (!Float.isFinite(v)) {
        throw fail("column '" + name + "' must be a finite number, got '" + value + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw fail("column '" + name + "' must be a number, got '" + value + "'");
    }
  }

  DatasetException fail(String reason) {
    return new DatasetException(fileName, csv.line(), reason);
  }

  @Override
  public void close() {
    csv.close();
  }
}
