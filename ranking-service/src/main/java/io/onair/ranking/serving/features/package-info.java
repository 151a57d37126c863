/**
 * Online features for ranking: {@link io.onair.ranking.serving.features.UserFeatureReader} reads
 * the user from the feature store within a time limit, {@link
 * io.onair.ranking.serving.features.OnlineFeatures} maps what it read to the ranking encoder's
 * online context (the only such mapping; its javadoc lists the train/serve skew).
 */
package io.onair.ranking.serving.features;
