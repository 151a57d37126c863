package io.onair.ranking.export;

import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.FeatureLayout;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Encoded rows to and from a stream, to hand them to another JVM in a test. */
final class EncodedRows {
  private EncodedRows() {}

  static void write(DataOutputStream out, EncodedBatch batch) throws IOException {
    FeatureLayout layout = batch.layout();
    out.writeInt(batch.rows());
    for (int r = 0; r < batch.rows(); r++) {
      for (int c = 0; c < layout.idsWidth(); c++) {
        out.writeInt(batch.id(r, c));
      }
      for (int c = 0; c < layout.numericWidth(); c++) {
        out.writeFloat(batch.numeric(r, c));
      }
      out.writeInt(batch.scenario(r));
    }
  }

  static EncodedBatch read(DataInputStream in, FeatureLayout layout, int rows) throws IOException {
    EncodedBatch batch = new EncodedBatch(layout, rows);
    int[] ids = new int[layout.idsWidth()];
    float[] numeric = new float[layout.numericWidth()];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < ids.length; c++) {
        ids[c] = in.readInt();
      }
      for (int c = 0; c < numeric.length; c++) {
        numeric[c] = in.readFloat();
      }
      batch.appendRow(ids, numeric, in.readInt());
    }
    return batch;
  }
}
