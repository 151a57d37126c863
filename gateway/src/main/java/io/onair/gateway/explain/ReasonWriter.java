package io.onair.gateway.explain;

import io.onair.gateway.recommend.Provenance;
import java.util.List;

/**
 * One readable sentence saying why an item is in an answer, built from its provenance (the route
 * that contributed most first): "You follow a_7", "Similar to a_5 you watched", "Popular now in
 * channel", "Sells an item you viewed (i_9)", "Like the room you are in (a_77)", "Close to the
 * rooms you follow" (the vector route VEC_U2F). English, for operators; apps localize their own
 * from the routes. Stateless and thread-safe.
 */
public final class ReasonWriter {
  private ReasonWriter() {}

  /**
   * The reason for {@code anchorId} recalled by {@code routes} in {@code scenario}; {@code refer}
   * is the refer room (empty when none).
   */
  public static String reason(
      String anchorId, List<Provenance> routes, String scenario, String refer) {
    if (routes.isEmpty()) {
      return "Live now in " + scenario;
    }
    Provenance first = routes.get(0);
    String via = first.viaId();
    String reason =
        switch (first.route()) {
          case "U2F" -> "You follow " + anchorId;
          case "U2A" -> "You watched " + anchorId + " before";
          case "U2A2A" ->
              via.isEmpty() ? "Similar to rooms you watched" : "Similar to " + via + " you watched";
          case "U2I2A" ->
              via.isEmpty()
                  ? "Sells an item you viewed"
                  : "Sellers of an item you viewed (" + via + ")";
          case "U2I2I2A" ->
              via.isEmpty()
                  ? "Sells items like those you viewed"
                  : "Sells items like " + via + " you viewed";
          case "refer" -> "Like the room you are in (" + (via.isEmpty() ? refer : via) + ")";
          case "popular" -> "Popular now in " + scenario;
          case "VEC_PROFILE" -> "Close to the taste of people like you";
          case "VEC_U2F" -> "Close to the rooms you follow";
          case "VEC_U2A" -> "Close to the rooms you watched";
          case "VEC_U2A2A" -> "Close to rooms like those you watched";
          case "VEC_U2I2A" -> "Close to the sellers of items you viewed";
          case "VEC_U2I2I2A" -> "Close to sellers of items like those you viewed";
          default ->
              first.route().startsWith("vector") || first.route().startsWith("VEC_")
                  ? "Close to your taste (" + first.route() + ")"
                  : "Found by route " + first.route();
        };
    if (routes.size() > 1) {
      reason += ", also found by " + routes.get(1).route();
    }
    return reason;
  }
}
