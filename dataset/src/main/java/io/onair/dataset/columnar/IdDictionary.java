package io.onair.dataset.columnar;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps opaque string ids to dense integers 0..n-1 in order of first appearance, and back. Not
 * thread-safe while it grows; safe to share for reading once a dataset is loaded.
 */
public final class IdDictionary {
  private final Map<String, Integer> indexById = new HashMap<>();
  private final List<String> ids = new ArrayList<>();

  /** Returns the index of {@code id}, adding it if it is new. */
  public int intern(String id) {
    requireNonNull(id, "id is null");
    Integer index = indexById.get(id);
    if (index != null) {
      return index;
    }
    int next = ids.size();
    indexById.put(id, next);
    ids.add(id);
    return next;
  }

  /** Returns the index of {@code id}, or -1 when it is unknown. */
  public int indexOf(String id) {
    Integer index = indexById.get(id);
    return index == null ? -1 : index;
  }

  public boolean contains(String id) {
    return indexById.containsKey(id);
  }

  public String id(int index) {
    return ids.get(index);
  }

  public int size() {
    return ids.size();
  }

  /** The ids in index order (an unmodifiable view). */
  public List<String> ids() {
    return java.util.Collections.unmodifiableList(ids);
  }
}
