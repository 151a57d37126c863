/**
 * Vector recall (docs/vector-recall.md): the pretrained anchor vectors searched with each of the
 * user's per-modality vectors, live anchors only ({@link io.onair.recall.vector.VectorRecall}), one
 * route per modality ({@link io.onair.recall.vector.VectorRoute}: VEC_PROFILE, VEC_U2F, VEC_U2A,
 * VEC_U2A2A, VEC_U2I2A, VEC_U2I2I2A), and the loader of the user vectors into the feature store.
 */
package io.onair.recall.vector;
