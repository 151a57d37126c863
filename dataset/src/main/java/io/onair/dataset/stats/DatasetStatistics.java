package io.onair.dataset.stats;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.Dataset;
import io.onair.dataset.ItemAction;
import io.onair.dataset.LiveSchedule;
import io.onair.dataset.manifest.TargetGraph;
import io.onair.dataset.manifest.TargetKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code onair validate} prints: sizes, the time span, label rates per target and scenario,
 * how often a child label is positive while a parent is not, and how much of the catalogue is live.
 *
 * @param labelRates target -> mean label (rate for binary, mean value for numeric)
 * @param scenarioLabelRates scenario -> target -> mean label
 * @param cascadeViolations "parent -> child" -> rows where the child is positive and the parent 0
 * @param meanLiveShare mean share of anchors live at the impressions' hours (1 without a schedule)
 */
public record DatasetStatistics(
    String name,
    long users,
    long anchors,
    long items,
    long categories,
    long anchorItems,
    long liveSessions,
    long follows,
    Map<String, Long> itemEvents,
    long impressions,
    Map<String, Long> impressionsByScenario,
    long requests,
    String firstTime,
    String lastTime,
    double days,
    Map<String, Double> labelRates,
    Map<String, Map<String, Double>> scenarioLabelRates,
    Map<String, Long> cascadeViolations,
    double meanLiveShare,
    boolean hasTruth) {

  public static DatasetStatistics of(Dataset dataset) {
    requireNonNull(dataset, "dataset is null");
    Dataset.Impressions impressions = dataset.impressions();
    TargetGraph targets = dataset.targets();
    List<String> scenarios = dataset.manifest().scenarios();
    int n = impressions.size();

    long[] perScenario = new long[scenarios.size()];
    double[][] sums = new double[scenarios.size()][targets.size()];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int s = impressions.scenario()[i];
      perScenario[s]++;
      for (int t = 0; t < targets.size(); t++) {
        sums[s][t] += impressions.labels()[t][i];
      }
      min = Math.min(min, impressions.ts()[i]);
      max = Math.max(max, impressions.ts()[i]);
    }

    Map<String, Long> byScenario = new LinkedHashMap<>();
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Map<String, Double>> scenarioRates = new LinkedHashMap<>();
    for (int t = 0; t < targets.size(); t++) {
      double total = 0;
      for (int s = 0; s < scenarios.size(); s++) {
        total += sums[s][t];
      }
      rates.put(targets.name(t), n == 0 ? 0 : total / n);
    }
    for (int s = 0; s < scenarios.size(); s++) {
      byScenario.put(scenarios.get(s), perScenario[s]);
      Map<String, Double> r = new LinkedHashMap<>();
      for (int t = 0; t < targets.size(); t++) {
        r.put(targets.name(t), perScenario[s] == 0 ? 0 : sums[s][t] / perScenario[s]);
      }
      scenarioRates.put(scenarios.get(s), r);
    }

    Map<String, Long> violations = new LinkedHashMap<>();
    for (int child = 0; child < targets.size(); child++) {
      for (int parent : targets.parents(child)) {
        if (targets.target(parent).kind() != TargetKind.BINARY) {
          continue;
        }
        float[] c = impressions.labels()[child];
        float[] p = impressions.labels()[parent];
        long count = 0;
        for (int i = 0; i < n; i++) {
          if (c[i] > 0 && p[i] == 0) {
            count++;
          }
        }
        violations.put(targets.name(parent) + " -> " + targets.name(child), count);
      }
    }

    Map<String, Long> events = new LinkedHashMap<>();
    long[] actionCounts = new long[ItemAction.values().length];
    for (byte a : dataset.itemEvents().action()) {
      actionCounts[a]++;
    }
    for (ItemAction action : ItemAction.values()) {
      events.put(action.wireName(), actionCounts[action.ordinal()]);
    }

    return new DatasetStatistics(
        dataset.manifest().name(),
        dataset.userCount(),
        dataset.anchorCount(),
        dataset.itemCount(),
        dataset.categories().size(),
        dataset.anchorItems().size(),
        dataset.liveSchedule().map(LiveSchedule::sessionCount).orElse(0),
        dataset.follows().size(),
        events,
        n,
        byScenario,
        distinctRequests(impressions.request()),
        n == 0 ? "" : Instant.ofEpochSecond(min).toString(),
        n == 0 ? "" : Instant.ofEpochSecond(max).toString(),
        n == 0 ? 0 : (max - min) / 86_400.0,
        rates,
        scenarioRates,
        violations,
        meanLiveShare(dataset, min, max),
        dataset.truth().isPresent());
  }

  private static long distinctRequests(long[] requests) {
    long[] sorted = requests.clone();
    java.util.Arrays.sort(sorted);
    long count = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != 0 && (i == 0 || sorted[i] != sorted[i - 1])) {
        count++;
      }
    }
    return count;
  }

  /** The mean share of anchors live, sampled at 24 hours spread evenly over the data's span. */
  private static double meanLiveShare(Dataset dataset, long min, long max) {
    if (dataset.liveSchedule().isEmpty() || dataset.anchorCount() == 0 || min > max) {
      return 1.0;
    }
    LiveSchedule schedule = dataset.liveSchedule().get();
    boolean[] live = new boolean[dataset.anchorCount()];
    int samples = 24;
    double sum = 0;
    for (int k = 0; k < samples; k++) {
      long t = min + (max - min) * k / samples + 3_600L * k % 86_400;
      sum += schedule.liveAt(Math.min(t, max), live) / (double) dataset.anchorCount();
    }
    return sum / samples;
  }

  /** A readable report for the terminal. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "dataset %s%n", name));
    sb.append(
        String.format(
            Locale.ROOT,
            "  users %,d  anchors %,d  items %,d  categories %,d%n",
            users,
            anchors,
            items,
            categories));
    sb.append(
        String.format(
            Locale.ROOT,
            "  anchor-items %,d  live sessions %,d%s  follows %,d%n",
            anchorItems,
            liveSessions,
            liveSessions == 0 ? " (no schedule: always live)" : "",
            follows));
    sb.append("  item events");
    itemEvents.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %,d", k, v)));
    sb.append(System.lineSeparator());
    sb.append(
        String.format(
            Locale.ROOT,
            "  impressions %,d in %,d requests, %s .. %s (%.1f days), mean live share %.1f%%%s%n",
            impressions,
            requests,
            firstTime,
            lastTime,
            days,
            100 * meanLiveShare,
            hasTruth ? ", with truth/" : ""));
    sb.append(String.format(Locale.ROOT, "  %-14s %12s", "target", "all"));
    for (String s : impressionsByScenario.keySet()) {
      sb.append(String.format(Locale.ROOT, " %12s", s));
    }
    sb.append(System.lineSeparator());
    sb.append(String.format(Locale.ROOT, "  %-14s %,12d", "impressions", impressions));
    for (long count : impressionsByScenario.values()) {
      sb.append(String.format(Locale.ROOT, " %,12d", count));
    }
    sb.append(System.lineSeparator());
    for (Map.Entry<String, Double> rate : labelRates.entrySet()) {
      sb.append(String.format(Locale.ROOT, "  %-14s %12.5f", rate.getKey(), rate.getValue()));
      for (Map<String, Double> byScenario : scenarioLabelRates.values()) {
        sb.append(String.format(Locale.ROOT, " %12.5f", byScenario.get(rate.getKey())));
      }
      sb.append(System.lineSeparator());
    }
    long totalViolations = cascadeViolations.values().stream().mapToLong(Long::longValue).sum();
    if (totalViolations > 0) {
      sb.append("  rows with a positive child and a negative parent:");
      cascadeViolations.forEach(
          (edge, count) -> {
            if (count > 0) {
              sb.append(String.format(Locale.ROOT, "  %s %,d", edge, count));
            }
          });
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }
}
