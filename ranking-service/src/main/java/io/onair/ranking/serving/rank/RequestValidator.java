package io.onair.ranking.serving.rank;

import io.onair.ranking.serving.RankingException;
import io.onair.ranking.serving.config.RankingConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks the fields of a {@link RankQuery} against docs/api.md; the first broken rule is thrown as
 * INVALID_ARGUMENT {@code "<field>: <reason>"}. Stateless apart from the configuration;
 * thread-safe.
 */
public final class RequestValidator {
  static final int MAX_ID_LENGTH = 256;
  static final int MAX_REQUEST_ID_LENGTH = 128;

  private final RankingConfig config;

  public RequestValidator(RankingConfig config) {
    this.config = java.util.Objects.requireNonNull(config, "config is null");
  }

  /** Checks what does not depend on the model. */
  public void validate(RankQuery query) {
    id(query.userId(), "user_id", true);
    if (query.scenario().isEmpty()) {
      throw RankingException.invalid("scenario", "must not be empty");
    }
    if (query.scenario().length() > MAX_ID_LENGTH) {
      throw RankingException.invalid("scenario", "longer than " + MAX_ID_LENGTH + " characters");
    }
    id(query.referAnchorId(), "refer_anchor_id", false);
    if (query.referAnchorId().isEmpty()
        && config.referAwareScenarios().contains(query.scenario())) {
      throw RankingException.invalid(
          "refer_anchor_id", "required in the refer-aware scenario '" + query.scenario() + "'");
    }
    List<String> anchors = query.anchorIds();
    if (anchors.size() > config.maxCandidates()) {
      throw RankingException.invalid(
          "candidates",
          anchors.size() + " candidates, more than the maximum of " + config.maxCandidates());
    }
    Map<String, Integer> seen = new HashMap<>(anchors.size() * 2);
    for (int i = 0; i < anchors.size(); i++) {
      String field = "candidates[" + i + "].anchor_id";
      id(anchors.get(i), field, true);
      Integer first = seen.putIfAbsent(anchors.get(i), i);
      if (first != null) {
        throw RankingException.invalid(field, "duplicate of candidates[" + first + "]");
      }
    }
    if (query.requestTime() < 0) {
      throw RankingException.invalid(
          "request_time", "must not be negative (0 means now), got " + query.requestTime());
    }
    if (query.requestId().length() > MAX_REQUEST_ID_LENGTH) {
      throw RankingException.invalid(
          "request_id", "longer than " + MAX_REQUEST_ID_LENGTH + " characters");
    }
    id(query.modelName(), "model_name", false);
  }

  /** Checks the scenario against the ones the model was trained with. */
  public static void validateScenario(String scenario, List<String> known) {
    if (!known.contains(scenario)) {
      throw RankingException.invalid(
          "scenario",
          "unknown scenario '"
              + scenario
              + "' (known: "
              + String.join(", ", new TreeSet<>(known))
              + ")");
    }
  }

  private static void id(String value, String field, boolean required) {
    if (required && value.isEmpty()) {
      throw RankingException.invalid(field, "must not be empty");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw RankingException.invalid(field, "longer than " + MAX_ID_LENGTH + " characters");
    }
  }
}
