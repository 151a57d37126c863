/**
 * Multi-modal recall pretraining (DMR 2.0 first stage) producing user and anchor vectors and the
 * HNSW index. Filled by the DMR issue.
 */
package io.onair.pretrain;
