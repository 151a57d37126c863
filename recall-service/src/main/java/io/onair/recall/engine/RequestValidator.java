package io.onair.recall.engine;

import static java.util.Objects.requireNonNull;

import io.onair.recall.RecallException;
import io.onair.recall.config.RecallConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a request against the API's rules and the served artifacts; every refusal is a {@link
 * RecallException} whose message starts with the field's name. Immutable and thread-safe.
 */
final class RequestValidator {
  static final int MAX_ID_LENGTH = 256;
  static final int MAX_REQUEST_ID_LENGTH = 128;
  static final int MAX_EXCLUDED = 1000;

  /** A request that passed, with its defaults resolved. */
  record Valid(RecallRequest request, int count, List<String> routes, boolean referAware) {}

  private final RecallConfig config;
  private final Set<String> scenarios;
  private final Set<String> routeNames;

  RequestValidator(RecallConfig config, List<String> scenarios, Set<String> routeNames) {
    this.config = requireNonNull(config, "config is null");
    this.scenarios = new TreeSet<>(scenarios);
    this.routeNames = new TreeSet<>(routeNames);
  }

  Valid validate(RecallRequest r) {
    id("user_id", r.userId());
    if (r.scenario().isEmpty()) {
      throw RecallException.invalid("scenario", "must not be empty");
    }
    if (!scenarios.contains(r.scenario())) {
      throw RecallException.invalid(
          "scenario",
          "unknown scenario '" + r.scenario() + "' (known: " + String.join(", ", scenarios) + ")");
    }
    boolean referAware = config.referAwareScenarios().contains(r.scenario());
    if (referAware && r.referAnchorId().isEmpty()) {
      throw RecallException.invalid(
          "refer_anchor_id", "required for the refer-aware scenario '" + r.scenario() + "'");
    }
    if (r.referAnchorId().length() > MAX_ID_LENGTH) {
      throw RecallException.invalid("refer_anchor_id", "at most " + MAX_ID_LENGTH + " characters");
    }
    if (r.count() < 0) {
      throw RecallException.invalid("count", "must not be negative, got " + r.count());
    }
    if (r.count() > config.maxCount()) {
      throw RecallException.invalid(
          "count", "must be between 0 and " + config.maxCount() + ", got " + r.count());
    }
    if (r.requestTime() < 0) {
      throw RecallException.invalid("request_time", "must not be negative, got " + r.requestTime());
    }
    if (r.excludeAnchorIds().size() > MAX_EXCLUDED) {
      throw RecallException.invalid(
          "exclude_anchor_ids",
          "at most " + MAX_EXCLUDED + " ids, got " + r.excludeAnchorIds().size());
    }
    for (int i = 0; i < r.excludeAnchorIds().size(); i++) {
      if (r.excludeAnchorIds().get(i).isEmpty()) {
        throw RecallException.invalid("exclude_anchor_ids[" + i + "]", "must not be empty");
      }
    }
    if (r.requestId().length() > MAX_REQUEST_ID_LENGTH) {
      throw RecallException.invalid(
          "request_id", "at most " + MAX_REQUEST_ID_LENGTH + " characters");
    }
    List<String> routes;
    if (r.routes().isEmpty()) {
      routes = config.routesOf(r.scenario()).stream().filter(routeNames::contains).toList();
    } else {
      Set<String> seen = new HashSet<>();
      routes = new ArrayList<>();
      for (int i = 0; i < r.routes().size(); i++) {
        String route = r.routes().get(i);
        if (!routeNames.contains(route) || !config.routes().containsKey(route)) {
          throw RecallException.invalid(
              "routes[" + i + "]",
              "unknown route '" + route + "' (known: " + String.join(", ", routeNames) + ")");
        }
        if (seen.add(route)) {
          routes.add(route);
        }
      }
    }
    int count = r.count() == 0 ? config.defaultCount() : r.count();
    return new Valid(r, count, List.copyOf(routes), referAware);
  }

  private static void id(String field, String value) {
    if (value.isEmpty()) {
      throw RecallException.invalid(field, "must not be empty");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw RecallException.invalid(field, "at most " + MAX_ID_LENGTH + " characters");
    }
  }
}
