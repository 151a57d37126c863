package io.onair.ranking.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The quality of one target's predictions on a set of rows (contracts.md section 4). Binary targets
 * fill auc, gauc, oracle_auc (null without truth), logloss and ece (expected calibration error,
 * {@link RankingMetrics#expectedCalibrationError}); numeric ones rmse and correlation. NaN-valued
 * metrics (one class only) are written as null. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetMetrics(
    @JsonProperty("samples") long samples,
    @JsonProperty("positives") Long positives,
    @JsonProperty("auc") Double auc,
    @JsonProperty("gauc") Double gauc,
    @JsonProperty("oracle_auc") Double oracleAuc,
    @JsonProperty("logloss") Double logloss,
    @JsonProperty("rmse") Double rmse,
    @JsonProperty("correlation") Double correlation,
    @JsonProperty("ece") Double ece) {

  static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
