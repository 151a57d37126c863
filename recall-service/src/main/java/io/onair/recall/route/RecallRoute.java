package io.onair.recall.route;

import java.util.List;
import java.util.Optional;

/**
 * One recall route: given a request's context, the anchors it recalls, best first, at most {@code
 * context.limit()}, each accepted by {@code context.filter()}, no anchor twice.
 *
 * <p>Implementations are stateless apart from immutable tables and are safe for concurrent use: the
 * engine calls one instance from many threads. A route may block (a store read) and must answer to
 * interruption, because the engine cancels routes that run past their time limit.
 */
public interface RecallRoute {
  /** The route's name, as in the API ({@code U2F}, {@code U2A2A}, ...). */
  String name();

  /** Why the route does not apply to this request (it is then SKIPPED), or empty if it does. */
  default Optional<String> skipReason(RouteContext context) {
    return Optional.empty();
  }

  /**
   * Whether the route reads the user's pretrained vectors ({@link RouteContext#userVectors()}); the
   * engine reads them with the user only when a requested route does.
   */
  default boolean needsUserVectors() {
    return false;
  }

  /** The recalled anchors, best first. */
  List<RouteCandidate> recall(RouteContext context);
}
