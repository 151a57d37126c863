package io.onair.importer.ecomm;

import io.onair.dataset.progress.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The behaviour log {@code ecomm_edge_train.txt} in columnar form, in source order: event {@code e}
 * is the record on line {@code e + 1}. Users are dense indices of {@link EcommUsers} (users missing
 * from the feature file are added there), items dense indices of {@link EcommCatalog}. Immutable.
 */
final class EcommEvents {
  static final String FILE_NAME = "ecomm_edge_train.txt";
  private static final List<String> COLUMNS = List.of("user_id", "item_id", "behaviour", "date");

  private static final Behaviour[] BEHAVIOURS = Behaviour.values();

  private final int[] user;
  private final int[] item;
  private final byte[] behaviour;
  private final int[] day;

  private EcommEvents(int[] user, int[] item, byte[] behaviour, int[] day) {
    this.user = user;
    this.item = item;
    this.behaviour = behaviour;
    this.day = day;
  }

  /**
   * Reads the log. Fails on a malformed field, an unknown behaviour code and an item that the item
   * file does not list (it would have no category, hence no room).
   */
  static EcommEvents read(
      Path directory, EcommCatalog catalog, EcommUsers users, Progress progress) {
    IntStream.Builder userColumn = IntStream.builder();
    IntStream.Builder itemColumn = IntStream.builder();
    IntStream.Builder behaviourColumn = IntStream.builder();
    IntStream.Builder dayColumn = IntStream.builder();
    progress.start("reading " + FILE_NAME, -1, "events");
    int count = 0;
    try (TabSeparatedFile file = TabSeparatedFile.open(directory, FILE_NAME, COLUMNS)) {
      while (file.next()) {
        long userId = file.id(0);
        long itemId = file.id(1);
        int code = file.code(2);
        Behaviour parsed = Behaviour.ofCode(code);
        if (parsed == null) {
          throw file.fail(
              "behaviour must be 1 (click), 2 (collect), 3 (cart) or 4 (buy), got '"
                  + file.text(2)
                  + "'");
        }
        int epochDay = file.epochDay(3);
        int itemIndex = catalog.itemIndex(itemId);
        if (itemIndex < 0) {
          throw file.fail("item " + itemId + " is not listed in " + EcommCatalog.FILE_NAME);
        }
        userColumn.add(users.indexOrAdd(userId));
        itemColumn.add(itemIndex);
        behaviourColumn.add(parsed.ordinal());
        dayColumn.add(epochDay);
        count++;
        if ((count & 4095) == 0) {
          progress.advance(4096);
        }
      }
    }
    progress.advance(count & 4095);
    int[] behaviours = behaviourColumn.build().toArray();
    byte[] packed = new byte[behaviours.length];
    for (int i = 0; i < behaviours.length; i++) {
      packed[i] = (byte) behaviours[i];
    }
    List<Long> withoutFeatures = users.usersWithoutFeatures();
    progress.finish(
        String.format(
            Locale.ROOT,
            "%,d events; %,d users missing from %s%s",
            count,
            withoutFeatures.size(),
            EcommUsers.FILE_NAME,
            withoutFeatures.isEmpty()
                ? ""
                : ", added without features: "
                    + withoutFeatures.subList(0, Math.min(10, withoutFeatures.size()))
                    + (withoutFeatures.size() > 10 ? " ..." : "")));
    return new EcommEvents(
        userColumn.build().toArray(),
        itemColumn.build().toArray(),
        packed,
        dayColumn.build().toArray());
  }

  int size() {
    return user.length;
  }

  int user(int event) {
    return user[event];
  }

  int item(int event) {
    return item[event];
  }

  Behaviour behaviour(int event) {
    return BEHAVIOURS[behaviour[event]];
  }

  /** Days since 1970-01-01 (the source date, read as a UTC day). */
  int day(int event) {
    return day[event];
  }
}
