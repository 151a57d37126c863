package io.onair.dataset;

/**
 * Bad input in a dataset: names the file, the line (when there is one) and the reason, so that a
 * user can open the file and fix it. Readers never skip bad input silently.
 */
public final class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final long line;
  private final String reason;

  /**
   * @param line the 1-based physical line (the header is line 1), or 0 for a whole-file problem
   */
  public DatasetException(String fileName, long line, String reason) {
    super(format(fileName, line, reason));
    this.fileName = fileName;
    this.line = line;
    this.reason = reason;
  }

  public DatasetException(String fileName, String reason) {
    this(fileName, 0, reason);
  }

  public String fileName() {
    return fileName;
  }

  /** The 1-based line, or 0 when the problem is with the whole file. */
  public long line() {
    return line;
  }

  public String reason() {
    return reason;
  }

  private static String format(String fileName, long line, String reason) {
    return line > 0 ? fileName + ", line " + line + ": " + reason : fileName + ": " + reason;
  }
}
