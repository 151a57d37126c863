package io.onair.gateway.recommend;

import static java.util.Objects.requireNonNull;

import io.onair.gateway.GatewayException;
import io.onair.gateway.config.GatewayConfig;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Checks a Recommend call against api.md's rules and resolves its defaults. Every refusal is
 * INVALID_ARGUMENT {@code "<field>: <reason>"}. Thread-safe.
 */
public final class RequestValidator {
  static final int MAX_ID_LENGTH = 256;
  static final int MAX_REQUEST_ID_LENGTH = 128;
  static final int MAX_EXCLUDES = 1000;

  private final GatewayConfig config;
  private final Set<String> scenarios;
  private final Clock clock;

  /**
   * @param scenarios the scenarios the served artifacts know
   */
  public RequestValidator(GatewayConfig config, Set<String> scenarios, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.scenarios = Set.copyOf(new TreeSet<>(requireNonNull(scenarios, "scenarios is null")));
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The validated query, with its budget starting at {@code startNanos}. */
  public RecommendQuery validate(RecommendInput in, long startNanos) {
    id("user_id", in.userId());
    if (in.scenario().isEmpty()) {
      throw GatewayException.invalid("scenario", "must not be empty");
    }
    if (!scenarios.contains(in.scenario())) {
      throw GatewayException.invalid(
          "scenario",
          "unknown scenario '" + in.scenario() + "' (known: " + new TreeSet<>(scenarios) + ")");
    }
    if (config.referAwareScenarios().contains(in.scenario()) && in.referAnchorId().isEmpty()) {
      throw GatewayException.invalid(
          "refer_anchor_id", "required in scenario '" + in.scenario() + "'");
    }
    if (in.referAnchorId().length() > MAX_ID_LENGTH) {
      throw GatewayException.invalid("refer_anchor_id", "at most " + MAX_ID_LENGTH + " characters");
    }
    if (in.count() < 1 || in.count() > config.maxCount()) {
      throw GatewayException.invalid(
          "count", "must be 1 to " + config.maxCount() + ", got " + in.count());
    }
    if (in.requestTime() < 0) {
      throw GatewayException.invalid("request_time", "must not be negative");
    }
    List<String> excludes = in.excludeAnchorIds();
    if (excludes.size() > MAX_EXCLUDES) {
      throw GatewayException.invalid(
          "exclude_anchor_ids", "at most " + MAX_EXCLUDES + " ids, got " + excludes.size());
    }
    for (int i = 0; i < excludes.size(); i++) {
      id("exclude_anchor_ids[" + i + "]", excludes.get(i));
    }
    if (in.requestId().length() > MAX_REQUEST_ID_LENGTH) {
      throw GatewayException.invalid(
          "request_id", "at most " + MAX_REQUEST_ID_LENGTH + " characters");
    }
    if (in.deadlineNanos() == null) {
      throw GatewayException.invalid(
          "deadline", "a gRPC deadline is required (the gateway splits it among its stages)");
    }
    if (in.deadlineNanos() <= 0) {
      throw new GatewayException(
          io.onair.gateway.ErrorCode.DEADLINE_EXCEEDED, "deadline: already passed");
    }
    long budgetMicros = Math.min(in.deadlineNanos() / 1000, config.maxDeadlineMillis() * 1000);
    return new RecommendQuery(
        in.userId(),
        in.scenario(),
        in.referAnchorId(),
        in.count(),
        in.debug(),
        in.requestTime() == 0 ? clock.instant().getEpochSecond() : in.requestTime(),
        excluded(excludes, in.referAnchorId()),
        in.requestId().isEmpty() ? UUID.randomUUID().toString() : in.requestId(),
        new Budget(startNanos, Math.max(1, budgetMicros), config.stageShares()));
  }

  /**
   * The anchors never to return: the client's, and the room the user is in (in swipe the user is
   * leaving it; recommending it back would show the same room again).
   */
  private static Set<String> excluded(List<String> excludes, String referAnchorId) {
    Set<String> excluded = new HashSet<>(excludes);
    if (!referAnchorId.isEmpty()) {
      excluded.add(referAnchorId);
    }
    return excluded;
  }

  private static void id(String field, String value) {
    if (value.isEmpty()) {
      throw GatewayException.invalid(field, "must not be empty");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw GatewayException.invalid(field, "at most " + MAX_ID_LENGTH + " characters");
    }
  }
}
