/**
 * The Recommend edge: recall, rank, fuse, filter, diversify, with deadlines and fallbacks. Filled
 * by the serving issue.
 */
package io.onair.gateway;
