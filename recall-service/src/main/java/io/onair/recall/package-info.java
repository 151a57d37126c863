/**
 * Multi-route recall (U2F, U2A, U2A2A, U2I2A, U2I2I2A, refer, popular, vector) served over gRPC.
 * Filled by the recall issue.
 */
package io.onair.recall;
