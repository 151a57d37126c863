package io.onair.dataset.manifest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directed acyclic graph of targets: the one source of truth for the training loss (each
 * target's likelihood is conditioned on its parents) and for score fusion (edges multiply, targets
 * at the same depth add). Immutable and thread-safe.
 */
public final class TargetGraph {
  private final List<TargetSpec> ordered;
  private final Map<String, Integer> indexByName;
  private final int[][] parents;
  private final int[][] children;
  private final int[] depth;

  private TargetGraph(List<TargetSpec> ordered) {
    this.ordered = List.copyOf(ordered);
    this.indexByName = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      indexByName.put(ordered.get(i).name(), i);
    }
    int n = ordered.size();
    this.parents = new int[n][];
    List<List<Integer>> childLists = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      childLists.add(new ArrayList<>());
    }
    this.depth = new int[n];
    for (int i = 0; i < n; i++) {
      List<String> names = ordered.get(i).parents();
      parents[i] = new int[names.size()];
      int d = 0;
      for (int p = 0; p < names.size(); p++) {
        int parent = indexByName.get(names.get(p));
        parents[i][p] = parent;
        childLists.get(parent).add(i);
        d = Math.max(d, depth[parent] + 1);
      }
      depth[i] = d;
    }
    this.children = new int[n][];
    for (int i = 0; i < n; i++) {
      children[i] = childLists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * Checks the targets and orders them so that every parent comes before its children (keeping the
   * declared order where it allows).
   *
   * @throws IllegalArgumentException for an empty list, a duplicate name, a parent that is not
   *     declared, a target that is its own parent, or a cycle (the message names the cycle)
   */
  public static TargetGraph of(List<TargetSpec> targets) {
    requireNonNull(targets, "targets is null");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target must be declared");
    }
    Map<String, TargetSpec> byName = new LinkedHashMap<>();
    for (TargetSpec target : targets) {
      if (byName.put(target.name(), target) != null) {
        throw new IllegalArgumentException("target '" + target.name() + "' is declared twice");
      }
    }
    for (TargetSpec target : targets) {
      for (String parent : target.parents()) {
        if (parent.equals(target.name())) {
          throw new IllegalArgumentException(
              "target '" + target.name() + "' lists itself as a parent (cycle)");
        }
        if (!byName.containsKey(parent)) {
          throw new IllegalArgumentException(
              "target '" + target.name() + "' has parent '" + parent + "', which is not declared");
        }
      }
    }
    List<TargetSpec> ordered = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>(); // 1 = visiting, 2 = done
    for (TargetSpec target : targets) {
      visit(target, byName, state, new ArrayDeque<>(), ordered);
    }
    return new TargetGraph(ordered);
  }

  private static void visit(
      TargetSpec target,
      Map<String, TargetSpec> byName,
      Map<String, Integer> state,
      Deque<String> path,
      List<TargetSpec> ordered) {
    Integer s = state.get(target.name());
    if (s != null && s == 2) {
      return;
    }
    if (s != null) {
      List<String> cycle = new ArrayList<>(path);
      Collections.reverse(cycle);
      int start = cycle.indexOf(target.name());
      List<String> loop = new ArrayList<>(cycle.subList(start, cycle.size()));
      loop.add(target.name());
      Collections.reverse(loop); // the walk went from child to parent; show parent -> child
      throw new IllegalArgumentException(
          "the target graph has a cycle: " + String.join(" -> ", loop));
    }
    state.put(target.name(), 1);
    path.push(target.name());
    for (String parent : target.parents()) {
      visit(byName.get(parent), byName, state, path, ordered);
    }
    path.pop();
    state.put(target.name(), 2);
    ordered.add(target);
  }

  /** The targets, parents before children. */
  public List<TargetSpec> targets() {
    return ordered;
  }

  public int size() {
    return ordered.size();
  }

  public TargetSpec target(int index) {
    return ordered.get(index);
  }

  public String name(int index) {
    return ordered.get(index).name();
  }

  /** The index of a target, or -1. */
  public int indexOf(String name) {
    Integer index = indexByName.get(name);
    return index == null ? -1 : index;
  }

  public boolean contains(String name) {
    return indexByName.containsKey(name);
  }

  /** The parents of target {@code index}, as indices (a copy). */
  public int[] parents(int index) {
    return parents[index].clone();
  }

  /** The children of target {@code index}, as indices (a copy). */
  public int[] children(int index) {
    return children[index].clone();
  }

  /** 0 for roots; otherwise one more than the deepest parent. */
  public int depth(int index) {
    return depth[index];
  }

  public int maxDepth() {
    int max = 0;
    for (int d : depth) {
      max = Math.max(max, d);
    }
    return max;
  }

  public List<String> names() {
    return ordered.stream().map(TargetSpec::name).toList();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (TargetSpec t : ordered) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(t.name());
      if (!t.parents().isEmpty()) {
        sb.append(" <- ").append(String.join("+", t.parents()));
      }
    }
    return sb.toString();
  }
}
