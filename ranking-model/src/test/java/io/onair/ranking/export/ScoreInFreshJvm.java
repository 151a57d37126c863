package io.onair.ranking.export;

import io.onair.ranking.features.EncodedBatch;
import io.onair.ranking.features.FeatureLayout;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link ExportReloadTest}: loads an exported model, scores the encoded rows
 * in a file and writes the scores. Arguments: model directory, rows file, scores file.
 */
public final class ScoreInFreshJvm {
  private ScoreInFreshJvm() {}

  public static void main(String[] args) throws IOException {
    try (RankingModelBundle bundle = RankingModelBundle.load(Path.of(args[0]), 1);
        DataInputStream in = new DataInputStream(Files.newInputStream(Path.of(args[1])));
        DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[2])))) {
      FeatureLayout layout = bundle.encoder().layout();
      int rows = in.readInt();
      EncodedBatch batch = EncodedRows.read(in, layout, rows);
      float[][] scores = bundle.score(batch);
      out.writeInt(scores.length);
      out.writeInt(rows);
      for (float[] target : scores) {
        for (float value : target) {
          out.writeFloat(value);
        }
      }
    }
  }
}
