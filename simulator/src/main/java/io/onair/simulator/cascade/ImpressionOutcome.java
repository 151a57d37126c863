package io.onair.simulator.cascade;

/**
 * The labels drawn for one impression and the true marginal probability of each binary label. A
 * scratch object reused for every impression. Not thread-safe.
 */
public final class ImpressionOutcome {
  public boolean click;
  public boolean view10s;
  public int watchSeconds;
  public boolean like;
  public boolean comment;
  public boolean follow;
  public boolean bagClick;
  public boolean cart;
  public boolean purchase;

  public double pClick;
  public double pView10s;
  public double pLike;
  public double pComment;
  public double pFollow;
  public double pBagClick;
  public double pCart;
  public double pPurchase;

  /** Swipe only: whether the hidden coin said the user likes the refer room (false elsewhere). */
  public boolean referLiked;

  /** Swipe only: the probability of {@link #referLiked} (0 elsewhere). */
  public double pReferLiked;
}
