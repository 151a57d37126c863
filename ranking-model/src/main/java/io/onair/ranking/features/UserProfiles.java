package io.onair.ranking.features;

import io.onair.dataset.Dataset;
import io.onair.dataset.columnar.FeatureColumn;
import java.util.ArrayList;
import java.util.List;

/** The coded profile of every dataset user, in the vocabulary's feature order. Immutable. */
final class UserProfiles {
  private final int[][] categorical;
  private final float[][] numeric;

  private UserProfiles(int[][] categorical, float[][] numeric) {
    this.categorical = categorical;
    this.numeric = numeric;
  }

  static UserProfiles of(Dataset dataset, FeatureVocabulary vocabulary) {
    List<FeatureColumn.Categorical> categoricalColumns = new ArrayList<>();
    List<FeatureColumn.Numeric> numericColumns = new ArrayList<>();
    for (VocabularyFile.NamedTokens feature : vocabulary.file().userCategorical()) {
      categoricalColumns.add(
          (FeatureColumn.Categorical) dataset.userFeature(feature.name()).orElseThrow());
    }
    for (String name : vocabulary.file().userNumeric()) {
      numericColumns.add((FeatureColumn.Numeric) dataset.userFeature(name).orElseThrow());
    }
    int users = dataset.userCount();
    int[][] categorical = new int[users][categoricalColumns.size()];
    float[][] numeric = new float[users][numericColumns.size()];
    for (int u = 0; u < users; u++) {
      for (int f = 0; f < categoricalColumns.size(); f++) {
        categorical[u][f] = categoricalColumns.get(f).codes()[u] + 1;
      }
      for (int f = 0; f < numericColumns.size(); f++) {
        numeric[u][f] = numericColumns.get(f).values()[u];
      }
    }
    return new UserProfiles(categorical, numeric);
  }

  int[] categorical(int user) {
    return categorical[user];
  }

  float[] numeric(int user) {
    return numeric[user];
  }
}
