/** Score fusion: turns per-target probabilities into one ranking score. */
package io.onair.fusion;
