/**
 * The pretrained-vector artifact: what {@code onair pretrain} exports and what vector recall and
 * the DMR 2.0 ranker read.
 */
package io.onair.vectors;
