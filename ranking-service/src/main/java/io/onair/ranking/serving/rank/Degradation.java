package io.onair.ranking.serving.rank;

/** What made a ranking answer less good than normal (the API's DegradationFlag values it uses). */
public enum Degradation {
  /** The user's features (store failed, late, or unknown user) or a candidate's were defaults. */
  FEATURES_UNAVAILABLE,
  /** The refer room is unknown to the model, so the refer features were not used. */
  REFER_IGNORED,
  /** The deadline cut scoring short: the later candidates have no predictions. */
  RANKING_PARTIAL
}
