package io.onair.simulator.random;

/**
 * The independent random streams of a simulation. The ordinal enters the seed, so constants may be
 * appended but never reordered: reordering would change every dataset made with a given seed.
 */
public enum StreamKind {
  /** One per category: centroid and profile skew. */
  CATEGORY,
  /** One per user: taste, activity, propensities, profile. */
  USER,
  /** One per anchor: category, style, quality, popularity, habits. */
  ANCHOR,
  /** One per category: how its items are split between its anchors. */
  CATALOGUE,
  /** One per item: latent vector, price, popularity. */
  ITEM,
  /** One per user: the follows that exist before the first day. */
  INITIAL_FOLLOWS,
  /** One per (anchor, day): whether and when the anchor is live. */
  SCHEDULE,
  /** One per (user, day): how many sessions, at which times, in which scenarios. */
  SESSION_PLAN,
  /** One per (day, ordinal of the session in time order): the slate and its labels. */
  SESSION,
  /** One per (user, day): product browsing outside live rooms. */
  BROWSING
}
