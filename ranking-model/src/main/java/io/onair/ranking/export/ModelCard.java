package io.onair.ranking.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.onair.ranking.eval.EvaluationReport;
import java.util.List;
import java.util.Map;

/**
 * What is known about an exported model ({@code model-card.json} beside the SavedModel): its name,
 * the version id of the export (the directory name under {@code versions/}) and kind, the dataset
 * and data window it was trained on, its configuration, the target graph, the encoder's history
 * length and whether it computes the real-time anchor statistics (false in cards before format 4),
 * the rows it trained and validated on, the epoch kept (chosen on the validation split), how many
 * rare ids share an unknown row, the calibration (null in cards of format 2: none), the learning
 * curves (per epoch: train, validation and held-out metrics per target) and the held-out evaluation
 * of the kept, calibrated model. Immutable.
 */
public record ModelCard(
    @JsonProperty("format") String format,
    @JsonProperty("name") String name,
    @JsonProperty("version") String version,
    @JsonProperty("kind") String kind,
    @JsonProperty("dataset") String dataset,
    @JsonProperty("window") Map<String, Object> window,
    @JsonProperty("targets") List<Map<String, Object>> targets,
    @JsonProperty("model_config") Map<String, Object> modelConfig,
    @JsonProperty("training_config") Map<String, Object> trainingConfig,
    @JsonProperty("history_length") int historyLength,
    @JsonProperty("live_statistics") boolean liveStatistics,
    @JsonProperty("training_rows") long trainingRows,
    @JsonProperty("validation_rows") long validationRows,
    @JsonProperty("selected_epoch") int selectedEpoch,
    @JsonProperty("rare_ids") int rareIds,
    @JsonProperty("calibration") Map<String, Object> calibration,
    @JsonProperty("epochs") List<Map<String, Object>> epochs,
    @JsonProperty("holdout") EvaluationReport holdout) {
  public static final String FORMAT = "onair-ranking-model/4";

  public ModelCard {
    requireNonNull(format, "format is null");
    requireNonNull(name, "name is null");
    requireNonNull(version, "version is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(dataset, "dataset is null");
    requireNonNull(window, "window is null");
    requireNonNull(targets, "targets is null");
    requireNonNull(modelConfig, "modelConfig is null");
    requireNonNull(trainingConfig, "trainingConfig is null");
    requireNonNull(epochs, "epochs is null");
  }
}
