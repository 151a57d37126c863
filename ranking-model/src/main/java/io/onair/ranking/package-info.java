/** Multi-task ranking models on TensorFlow Java. */
package io.onair.ranking;
