package io.onair.simulator.cascade;

/**
 * Everything the label cascade of one impression depends on: the world's hidden state for this
 * user, anchor and presented item, and the context of the request. Filled by the caller for each
 * impression and reused (a scratch object, no per-impression allocation). Not thread-safe.
 */
public final class ImpressionContext {
  /** Index of the scenario (manifest order). */
  public int scenario;

  /** 1-based position in the slate. */
  public int position;

  /** a(u, x): dot product of the user's taste and the anchor's style. */
  public double affinity;

  /** The anchor's quality (standard normal). */
  public double quality;

  /** The anchor's popularity z-score. */
  public double popularityZ;

  /** Whether the user follows the anchor at the time of the impression. */
  public boolean following;

  /** The user's own click bias (a logit offset). */
  public double userBias;

  /** Swipe only: P(the user likes the refer room), sigmoid(referLikeBase + ... * a(u, r)). */
  public double referLikeProbability;

  /** Swipe only: sim(r, x), the dot product of the refer room's and the anchor's styles. */
  public double referSimilarity;

  /** Seconds until the room's live session ends (at least minRemainingSeconds). */
  public int remainingSeconds;

  /** Taste for the anchor's category: taste . centroid(category). */
  public double categoryTaste;

  /** The user's purchase propensity (standard normal). */
  public double propensity;

  /** a(u, i): the user's taste . the presented item's latent vector. */
  public double itemAffinity;

  /** Price fit of the presented item for the user (0 within budget, negative above). */
  public double priceFit;

  /** Whether the impression falls in the promotion period. */
  public boolean promotion;
}
