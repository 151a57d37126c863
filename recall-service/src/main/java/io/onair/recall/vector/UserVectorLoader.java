package io.onair.recall.vector;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.progress.Progress;
import io.onair.features.FeatureStore;
import io.onair.vectors.PretrainedVectors;
import io.onair.vectors.VectorSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Puts the pretrained user vectors of every modality into a feature store: the one path by which
 * user vectors reach the store, for {@code onair features load} (Redis), the embedded in-memory
 * store and {@code onair eval recall}, so serving and evaluation read the same vectors the same
 * way. Stateless.
 */
public final class UserVectorLoader {
  /** Users per {@code putUserVectors} call: bounds what one call holds in flight. */
  static final int USERS_PER_CALL = 10_000;

  private UserVectorLoader() {}

  /** Returns how many (user, modality) vectors were written. */
  public static long load(PretrainedVectors vectors, FeatureStore store, Progress progress) {
    requireNonNull(vectors, "vectors is null");
    requireNonNull(store, "store is null");
    requireNonNull(progress, "progress is null");
    long total = 0;
    for (String modality : vectors.modalities()) {
      total += vectors.users(modality).size();
    }
    progress.start("user vectors " + vectors.version(), total, "vectors");
    long written = 0;
    for (String modality : vectors.modalities()) {
      VectorSet users = vectors.users(modality);
      Map<String, float[]> batch = new HashMap<>();
      for (int row = 0; row < users.size(); row++) {
        batch.put(users.id(row), users.vector(row));
        if (batch.size() == USERS_PER_CALL || row == users.size() - 1) {
          try {
            store.putUserVectors(vectors.version(), modality, batch).join();
          } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
          }
          written += batch.size();
          progress.advance(batch.size());
          batch = new HashMap<>();
        }
      }
    }
    progress.finish(written + " user vectors of " + vectors.modalities().size() + " modalities");
    return written;
  }
}
