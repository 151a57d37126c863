package io.onair.ranking.features;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.onair.dataset.Dataset;
import io.onair.dataset.columnar.FeatureColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps ids and tokens to the integer codes the encoder uses, for training (built from a {@link
 * Dataset}, whose dense indices are the codes minus one) and for serving (loaded from {@code
 * vocabulary.json}, then {@link #context} and {@link #candidate} code online features). Code 0 is
 * always "unknown". List features of the dataset are not used. Immutable and thread-safe.
 */
public final class FeatureVocabulary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VocabularyFile file;
  private final Map<String, Integer> scenarioCodes = new HashMap<>();
  private final Map<String, Integer> userCodes;
  private final Map<String, Integer> anchorCodes;
  private final Map<String, Integer> categoryCodes;
  private final Map<String, Integer> itemCodes;
  private final List<Map<String, Integer>> userTokenCodes = new ArrayList<>();
  private final List<Map<String, Integer>> anchorTokenCodes = new ArrayList<>();

  public FeatureVocabulary(VocabularyFile file) {
    this.file = requireNonNull(file, "file is null");
    for (int i = 0; i < file.scenarios().size(); i++) {
      scenarioCodes.put(file.scenarios().get(i), i);
    }
    userCodes = codes(file.users());
    anchorCodes = codes(file.anchors());
    categoryCodes = codes(file.categories());
    itemCodes = codes(file.items());
    for (VocabularyFile.NamedTokens feature : file.userCategorical()) {
      userTokenCodes.add(codes(feature.tokens()));
    }
    for (VocabularyFile.NamedTokens feature : file.anchorCategorical()) {
      anchorTokenCodes.add(codes(feature.tokens()));
    }
  }

  private static Map<String, Integer> codes(List<String> ids) {
    Map<String, Integer> map = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      map.put(ids.get(i), i + 1);
    }
    return map;
  }

  /** The vocabulary of a dataset: every user, anchor, category, item and feature token in it. */
  public static FeatureVocabulary of(Dataset dataset) {
    requireNonNull(dataset, "dataset is null");
    List<VocabularyFile.NamedTokens> userCategorical = new ArrayList<>();
    List<String> userNumeric = new ArrayList<>();
    for (FeatureColumn column : dataset.userFeatures()) {
      if (column instanceof FeatureColumn.Categorical c) {
        userCategorical.add(new VocabularyFile.NamedTokens(c.name(), c.vocabulary().ids()));
      } else if (column instanceof FeatureColumn.Numeric n) {
        userNumeric.add(n.name());
      }
    }
    List<VocabularyFile.NamedTokens> anchorCategorical = new ArrayList<>();
    List<String> anchorNumeric = new ArrayList<>();
    List<int[]> anchorCodes = new ArrayList<>();
    List<float[]> anchorValues = new ArrayList<>();
    for (FeatureColumn column : dataset.anchorFeatures()) {
      if (column instanceof FeatureColumn.Categorical c) {
        anchorCategorical.add(new VocabularyFile.NamedTokens(c.name(), c.vocabulary().ids()));
        int[] codes = new int[c.codes().length];
        for (int a = 0; a < codes.length; a++) {
          codes[a] = c.codes()[a] + 1;
        }
        anchorCodes.add(codes);
      } else if (column instanceof FeatureColumn.Numeric n) {
        anchorNumeric.add(n.name());
        anchorValues.add(n.values().clone());
      }
    }
    return new FeatureVocabulary(
        new VocabularyFile(
            dataset.manifest().scenarios(),
            dataset.users().ids(),
            dataset.anchors().ids(),
            dataset.categories().ids(),
            plusOne(dataset.anchorCategory()),
            dataset.items().ids(),
            plusOne(dataset.itemCategory()),
            userCategorical,
            userNumeric,
            anchorCategorical,
            anchorNumeric,
            anchorCodes.toArray(new int[0][]),
            anchorValues.toArray(new float[0][])));
  }

  private static int[] plusOne(int[] indices) {
    int[] codes = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      codes[i] = indices[i] + 1;
    }
    return codes;
  }

  /** The serializable form. */
  public VocabularyFile file() {
    return file;
  }

  public void write(Path path) {
    try {
      JSON.writeValue(path.toFile(), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  public static FeatureVocabulary read(Path path) {
    try {
      return new FeatureVocabulary(JSON.readValue(path.toFile(), VocabularyFile.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  public int scenarioCount() {
    return file.scenarios().size();
  }

  public int userCount() {
    return file.users().size();
  }

  public int anchorCount() {
    return file.anchors().size();
  }

  public int categoryCount() {
    return file.categories().size();
  }

  /** Token counts of the categorical user features, in order. */
  public int[] userCategoricalSizes() {
    return file.userCategorical().stream().mapToInt(f -> f.tokens().size()).toArray();
  }

  public int[] anchorCategoricalSizes() {
    return file.anchorCategorical().stream().mapToInt(f -> f.tokens().size()).toArray();
  }

  public int userNumericCount() {
    return file.userNumeric().size();
  }

  public int anchorNumericCount() {
    return file.anchorNumeric().size();
  }

  /** The category code of anchor code {@code anchor} (0 for unknown). */
  public int anchorCategory(int anchor) {
    return anchor == 0 ? 0 : file.anchorCategories()[anchor - 1];
  }

  /** The id of category code {@code category}, empty for the unknown code 0. */
  public java.util.Optional<String> categoryId(int category) {
    return category <= 0 || category > file.categories().size()
        ? java.util.Optional.empty()
        : java.util.Optional.of(file.categories().get(category - 1));
  }

  /** The category code of item code {@code item} (0 for unknown). */
  public int itemCategory(int item) {
    return item == 0 ? 0 : file.itemCategories()[item - 1];
  }

  /**
   * The scenario index of {@code scenario}.
   *
   * @throws IllegalArgumentException for a scenario the model was not trained with
   */
  public int scenarioIndex(String scenario) {
    Integer index = scenarioCodes.get(scenario);
    if (index == null) {
      throw new IllegalArgumentException(
          "unknown scenario '" + scenario + "' (known: " + file.scenarios() + ")");
    }
    return index;
  }

  /** The candidate features of a dataset anchor, by code (training and known anchors online). */
  public CandidateFeatures candidate(int anchor) {
    int[] categorical = new int[file.anchorCategoricalCodes().length];
    float[] numeric = new float[file.anchorNumericValues().length];
    for (int f = 0; f < categorical.length; f++) {
      categorical[f] = anchor == 0 ? 0 : file.anchorCategoricalCodes()[f][anchor - 1];
    }
    for (int f = 0; f < numeric.length; f++) {
      numeric[f] = anchor == 0 ? Float.NaN : file.anchorNumericValues()[f][anchor - 1];
    }
    return new CandidateFeatures(anchor, anchorCategory(anchor), categorical, numeric);
  }

  /** The candidate features of an anchor by id; an unknown anchor gets unknown codes. */
  public CandidateFeatures candidate(String anchorId) {
    return candidate(anchorCodes.getOrDefault(anchorId, 0));
  }

  /** Codes the online request side. Unknown ids and tokens become 0. */
  public ContextFeatures context(OnlineContext online) {
    requireNonNull(online, "online is null");
    int[] categorical = new int[file.userCategorical().size()];
    for (int f = 0; f < categorical.length; f++) {
      String token = online.userFeatures().get(file.userCategorical().get(f).name());
      categorical[f] = token == null ? 0 : userTokenCodes.get(f).getOrDefault(token, 0);
    }
    float[] numeric = new float[file.userNumeric().size()];
    for (int f = 0; f < numeric.length; f++) {
      String text = online.userFeatures().get(file.userNumeric().get(f));
      numeric[f] = parseOrNaN(text);
    }
    int refer = online.referAnchorId().map(id -> anchorCodes.getOrDefault(id, 0)).orElse(0);
    int[] recentAnchors =
        online.recentAnchorIds().stream().mapToInt(id -> anchorCodes.getOrDefault(id, 0)).toArray();
    int[] recentAnchorCategories = new int[recentAnchors.length];
    for (int i = 0; i < recentAnchors.length; i++) {
      recentAnchorCategories[i] = anchorCategory(recentAnchors[i]);
    }
    int[] recentItemCategories =
        online.recentItemIds().stream()
            .mapToInt(id -> itemCategory(itemCodes.getOrDefault(id, 0)))
            .toArray();
    int[] followed =
        online.followedAnchorIds().stream()
            .mapToInt(id -> anchorCodes.getOrDefault(id, 0))
            .filter(code -> code > 0)
            .sorted()
            .toArray();
    return new ContextFeatures(
        userCodes.getOrDefault(online.userId(), 0),
        categorical,
        numeric,
        scenarioIndex(online.scenario()),
        online.hourOfDay(),
        refer,
        anchorCategory(refer),
        recentAnchors,
        recentAnchorCategories,
        recentItemCategories,
        followed);
  }

  private static float parseOrNaN(String text) {
    if (text == null || text.isBlank()) {
      return Float.NaN;
    }
    try {
      return Float.parseFloat(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + text + "'", e);
    }
  }

  /** The user code of a user id (0 = unknown). */
  public int userCode(String userId) {
    return userCodes.getOrDefault(userId, 0);
  }

  @Override
  public String toString() {
    return "FeatureVocabulary[scenarios="
        + file.scenarios()
        + ", users="
        + userCount()
        + ", anchors="
        + anchorCount()
        + ", categories="
        + categoryCount()
        + ", userCategorical="
        + Arrays.toString(userCategoricalSizes())
        + "]";
  }
}
