package io.onair.gateway.recommend;

/**
 * A downstream stage (recall, ranking) that failed or was late: the pipeline falls back instead of
 * failing the call. Checked, so that no caller forgets the fallback.
 */
public final class StageFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean late;

  public StageFailure(String message, boolean late, Throwable cause) {
    super(message, cause);
    this.late = late;
  }

  /** True when the stage ran out of its time rather than failing. */
  public boolean late() {
    return late;
  }
}
