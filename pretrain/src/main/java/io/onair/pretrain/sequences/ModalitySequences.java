package io.onair.pretrain.sequences;

import static java.util.Objects.requireNonNull;

/**
 * The input sequences of a set of users as of one cut time: for each user (row) and modality, a
 * fixed-length token sequence {@code [modality token, e_1, ..., e_L]} padded with {@link
 * TokenSpace#PADDING} after the last element. Row-major {@code [rows][modalities][L + 1]}.
 * Immutable by contract (callers must not modify the array) and thread-safe.
 *
 * @param users the dataset user index of each row
 * @param tokens the token ids, {@code rows * modalities * width}
 * @param width {@code L + 1}
 * @param cut the time the sequences are as of (events before it only)
 */
public record ModalitySequences(int[] users, int[] tokens, int width, long cut) {
  public ModalitySequences {
    requireNonNull(users, "users is null");
    requireNonNull(tokens, "tokens is null");
    if (width < 2) {
      throw new IllegalArgumentException("width must be at least 2, got " + width);
    }
    if (tokens.length != (long) users.length * Modality.count() * width) {
      throw new IllegalArgumentException("tokens must hold rows * modalities * width ids");
    }
  }

  public int rows() {
    return users.length;
  }

  /** Ints per row: modalities times width. */
  public int rowWidth() {
    return Modality.count() * width;
  }

  /** The number of elements (tokens after the modality token) of a row's modality. */
  public int length(int row, Modality modality) {
    int from = row * rowWidth() + modality.ordinal() * width + 1;
    int n = 0;
    while (n < width - 1 && tokens[from + n] != TokenSpace.PADDING) {
      n++;
    }
    return n;
  }
}
