package io.onair.simulator.session;

import io.onair.dataset.ItemAction;
import io.onair.dataset.csv.CsvWriter;
import io.onair.simulator.world.EntityIds;
import java.util.Arrays;

/**
 * One day's item events (browsing outside rooms and purchases inside them), kept in primitive
 * arrays and written sorted by time (ties in the order they were added) when the day ends. Not
 * thread-safe.
 */
public final class ItemEventBuffer {
  private static final String[] ACTION_NAMES = actionNames();

  private int[] ts = new int[1024];
  private int[] user = new int[1024];
  private int[] item = new int[1024];
  private byte[] action = new byte[1024];
  private long[] order = new long[1024];
  private int size;
  private long written;

  /** Adds an event at world second {@code t}. */
  public void add(int t, int userIndex, int itemIndex, ItemAction kind) {
    if (size == ts.length) {
      int capacity = size * 2;
      ts = Arrays.copyOf(ts, capacity);
      user = Arrays.copyOf(user, capacity);
      item = Arrays.copyOf(item, capacity);
      action = Arrays.copyOf(action, capacity);
    }
    ts[size] = t;
    user[size] = userIndex;
    item[size] = itemIndex;
    action[size] = (byte) kind.ordinal();
    size++;
  }

  public int size() {
    return size;
  }

  /** Total rows written so far. */
  public long written() {
    return written;
  }

  /** Writes the buffered events in time order and empties the buffer. */
  public void flush(CsvWriter out, EntityIds ids, long epochStart) {
    if (order.length < size) {
      order = new long[ts.length];
    }
    for (int i = 0; i < size; i++) {
      // Times are non-negative and below 2^25 (366 days), ordinals below 2^36.
      order[i] = ((long) ts[i] << 36) | i;
    }
    Arrays.sort(order, 0, size);
    for (int k = 0; k < size; k++) {
      int i = (int) (order[k] & ((1L << 36) - 1));
      out.cell(ids.user(user[i]));
      out.cell(ids.item(item[i]));
      out.cell(ACTION_NAMES[action[i]]);
      out.cell(epochStart + ts[i]);
      out.endRow();
    }
    written += size;
    size = 0;
  }

  private static String[] actionNames() {
    ItemAction[] actions = ItemAction.values();
    String[] names = new String[actions.length];
    for (ItemAction a : actions) {
      names[a.ordinal()] = a.wireName();
    }
    return names;
  }
}
