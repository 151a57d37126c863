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
 * in a file and writes the scores. Arguments: model directory, rows file, scores file; several such
 * triples score several models in the one JVM.
 */
public final class ScoreInFreshJvm {
  private ScoreInFreshJvm() {}

  public static void main(String[] args) throws IOException {
    for (int m = 0; m + 2 < args.length; m += 3) {
      score(Path.of(args[m]), Path.of(args[m + 1]), Path.of(args[m + 2]));
    }
  }

  private static void score(Path model, Path rowsFile, Path scoresFile) throws IOException {
    try (RankingModelBundle bundle = RankingModelBundle.load(model, 1);
        DataInputStream in = new DataInputStream(Files.newInputStream(rowsFile));
        DataOutputStream out = new DataOutputStream(Files.newOutputStream(scoresFile))) {
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
