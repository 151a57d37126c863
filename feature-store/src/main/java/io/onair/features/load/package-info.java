/**
 * Loading a dataset's online features into a {@link io.onair.features.FeatureStore}: what {@code
 * onair features load} runs, and what embedded services use to fill an in-memory store.
 */
package io.onair.features.load;
