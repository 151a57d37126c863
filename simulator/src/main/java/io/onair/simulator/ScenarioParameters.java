package io.onair.simulator;

import static io.onair.simulator.ParameterChecks.atLeast;
import static io.onair.simulator.ParameterChecks.atMost;
import static io.onair.simulator.ParameterChecks.finite;
import static io.onair.simulator.ParameterChecks.nonNegative;
import static java.util.Objects.requireNonNull;

/**
 * What differs between scenarios: traffic, slate size, and the intercepts and weights of the first
 * target and of the bag click.
 *
 * <p>Defaults (channel, app, tab, swipe): share 0.40, 0.28, 0.08, 0.24; slate 8, 8, 4, 5; first
 * target base -3.7, -3.5, -4.1, -2.6; affinity weight 2.5, 2.5, 1.25, 1.25; position decay 0.35,
 * 0.35, 0.5, 0.1; bag click base -3.4, -3.2, -4.0, -3.4. {@code tab} is small and weak-intent: a
 * low base and half the affinity weight. In {@code swipe} the first target is the 10-second view
 * and the refer room adds its own term (see {@link CascadeParameters#referSimilarity()}).
 *
 * @param name the scenario as written in impressions.csv
 * @param share relative share of sessions (normalised over scenarios)
 * @param slateSize rooms shown per request (positions 1..slateSize); fewer when fewer are live
 * @param firstTargetBase logit intercept of click (swipe: of the 10-second view)
 * @param affinityWeight weight of the user-anchor affinity in that logit
 * @param positionDecay the logit falls by {@code positionDecay * ln(position)}
 * @param bagClickBase logit intercept of bag click given click
 */
public record ScenarioParameters(
    String name,
    double share,
    int slateSize,
    double firstTargetBase,
    double affinityWeight,
    double positionDecay,
    double bagClickBase) {

  public static final int MAX_SLATE = 50;

  public ScenarioParameters {
    requireNonNull(name, "name is null");
    nonNegative(name + ".share", share);
    atLeast(name + ".slateSize", slateSize, 1);
    atMost(name + ".slateSize", slateSize, MAX_SLATE);
    finite(name + ".firstTargetBase", firstTargetBase);
    finite(name + ".affinityWeight", affinityWeight);
    nonNegative(name + ".positionDecay", positionDecay);
    finite(name + ".bagClickBase", bagClickBase);
  }
}
