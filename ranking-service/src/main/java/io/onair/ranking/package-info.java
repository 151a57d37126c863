/**
 * Multi-task ranking (DBMTL and baselines) on TensorFlow Java: training, export, serving. Filled by
 * the ranking issue.
 */
package io.onair.ranking;
