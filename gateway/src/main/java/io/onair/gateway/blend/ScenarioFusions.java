package io.onair.gateway.blend;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetSpec;
import io.onair.gateway.config.GatewayConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each scenario's configured fusion, bound to the target graph a ranking answer describes. A model
 * changes rarely, so the binding is cached per (scenario, targets). Thread-safe.
 */
public final class ScenarioFusions {
  /** Bounds the cache: a misbehaving ranker sending ever new graphs must not grow it forever. */
  private static final int MAX_CACHED = 256;

  private final GatewayConfig config;
  private final Map<Key, BoundFusion> cache = new ConcurrentHashMap<>();

  public ScenarioFusions(GatewayConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  /**
   * The fusion of {@code scenario} over the graph of {@code targets}.
   *
   * @throws IllegalArgumentException when the targets do not form a graph, or the scenario's
   *     weights name a target the graph does not have (a configuration that does not fit the served
   *     model)
   */
  public BoundFusion of(String scenario, List<TargetSpec> targets) {
    Key key = new Key(scenario, List.copyOf(targets));
    BoundFusion bound = cache.get(key);
    if (bound == null) {
      bound = new BoundFusion(config.fusionOf(scenario), TargetGraph.of(targets));
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, bound);
    }
    return bound;
  }

  private record Key(String scenario, List<TargetSpec> targets) {}
}
