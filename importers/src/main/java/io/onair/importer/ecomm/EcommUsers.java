package io.onair.importer.ecomm;

import io.onair.dataset.csv.CsvWriter;
import io.onair.dataset.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The users of {@code ecomm_user_feature.txt}, in file order, followed by the users that appear
 * only in the behaviour log (in order of first appearance there), which have no features. Holds
 * each user's feature cells already in their dataset form. Mutable only while the behaviour log is
 * read; not thread-safe.
 */
final class EcommUsers {
  static final String FILE_NAME = "ecomm_user_feature.txt";
  private static final List<String> COLUMNS =
      List.of("user_id", "gender", "age_level", "education", "career", "income", "stage_list");

  /** The declared user features, in column order. */
  static final List<String> FEATURES =
      List.of("gender", "age_level", "education", "career", "income", "stage_list");

  private static final Pattern STAGE_CODE = Pattern.compile("-?[0-9]{1,9}");

  /** The source's code for "unknown" in every user feature. */
  private static final int UNKNOWN = -1;

  private long[] ids = new long[1024];
  private int size;
  private final Map<Long, Integer> index = new HashMap<>();
  private final List<String[]> features = new ArrayList<>();
  private final int usersWithFeatures;
  private final List<Long> withoutFeatures = new ArrayList<>();

  private EcommUsers(int usersWithFeatures) {
    this.usersWithFeatures = usersWithFeatures;
  }

  static EcommUsers read(Path directory, Progress progress) {
    List<Long> userIds = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    Map<Long, Long> lineById = new HashMap<>();
    progress.start("reading " + FILE_NAME, -1, "users");
    try (TabSeparatedFile file = TabSeparatedFile.open(directory, FILE_NAME, COLUMNS)) {
      while (file.next()) {
        long id = file.id(0);
        Long previous = lineById.putIfAbsent(id, file.line());
        if (previous != null) {
          throw file.fail("user " + id + " is listed twice (first on line " + previous + ")");
        }
        String[] cells = new String[FEATURES.size()];
        for (int f = 0; f < 4; f++) {
          int code = file.code(1 + f);
          cells[f] = code == UNKNOWN ? "" : Integer.toString(code);
        }
        cells[4] = income(file);
        cells[5] = stages(file);
        userIds.add(id);
        rows.add(cells);
        if ((rows.size() & 1023) == 0) {
          progress.advance(1024);
        }
      }
    }
    progress.advance(rows.size() & 1023);
    EcommUsers users = new EcommUsers(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      users.add(userIds.get(i), rows.get(i));
    }
    progress.finish(String.format(Locale.ROOT, "%,d users", rows.size()));
    return users;
  }

  /** Income is a number; -1 (unknown) becomes an empty cell rather than a negative income. */
  private static String income(TabSeparatedFile file) {
    double income = file.number(5);
    if (income == UNKNOWN) {
      return "";
    }
    if (income < 0) {
      throw file.fail("income must be -1 (unknown) or non-negative, got '" + file.text(5) + "'");
    }
    StringBuilder text = new StringBuilder();
    CsvWriter.appendFixed(text, income, 4);
    return text.toString();
  }

  /** The comma-separated stage codes, '|'-joined; the -1 (unknown) token is dropped. */
  private static String stages(TabSeparatedFile file) {
    String text = file.text(6);
    StringBuilder joined = new StringBuilder();
    for (String token : text.split(",", -1)) {
      if (!STAGE_CODE.matcher(token).matches()) {
        throw file.fail("stage_list must be comma-separated integer codes, got '" + text + "'");
      }
      int code = Integer.parseInt(token);
      if (code == UNKNOWN) {
        continue;
      }
      if (joined.length() > 0) {
        joined.append('|');
      }
      joined.append(code);
    }
    return joined.toString();
  }

  private int add(long id, String[] cells) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size] = id;
    index.put(id, size);
    features.add(cells);
    return size++;
  }

  /**
   * The dense index of a user, adding one without features when the user is not in the feature file
   * (so every user of the behaviour log is in users.csv).
   */
  int indexOrAdd(long id) {
    Integer known = index.get(id);
    if (known != null) {
      return known;
    }
    withoutFeatures.add(id);
    return add(id, null);
  }

  int size() {
    return size;
  }

  long id(int user) {
    return ids[user];
  }

  /** The feature cells of a user, in {@link #FEATURES} order, or null when it has none. */
  String[] features(int user) {
    return features.get(user);
  }

  int usersWithFeatures() {
    return usersWithFeatures;
  }

  /** The ids of the users found only in the behaviour log, in order of first appearance. */
  List<Long> usersWithoutFeatures() {
    return List.copyOf(withoutFeatures);
  }
}
