package io.onair.dataset.csv;

/** A CSV file that is not RFC 4180: carries the file and the line where the record starts. */
public final class CsvFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final long line;
  private final String reason;

  public CsvFormatException(String fileName, long line, String reason) {
    super(fileName + ", line " + line + ": " + reason);
    this.fileName = fileName;
    this.line = line;
    this.reason = reason;
  }

  public String fileName() {
    return fileName;
  }

  public long line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
