package io.onair.simulator.world;

import io.onair.dataset.progress.Progress;
import io.onair.simulator.ScheduleParameters;
import io.onair.simulator.WorldParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;
import io.onair.simulator.random.WeightedChoice;

/**
 * The anchors, as flat arrays indexed by anchor: category, style (near the category centroid),
 * quality, a heavy-tailed popularity correlated with quality, and streaming habits. Also the
 * anchors of each category with cumulative popularity, for popularity-weighted draws within a
 * category. Immutable after generation.
 */
public final class Anchors {
  /** fans_level thresholds on the popularity z-score: lv1 below -0.5, ..., lv5 from 1.8. */
  private static final double[] FANS_LEVEL_THRESHOLDS = {-0.5, 0.3, 1.0, 1.8};

  private static final String[] FANS_LEVELS = {"lv1", "lv2", "lv3", "lv4", "lv5"};

  private final int count;
  private final short[] category;
  private final float[] style;
  private final float[] quality;
  private final float[] popularityZ;
  private final double[] popularityWeight;
  private final float[] liveDayProbability;
  private final byte[] habitualStartHour;
  private final float[] habitualHours;

  /** Anchors of category c are byCategory[categoryStart[c] .. categoryStart[c+1]), ascending. */
  private final int[] categoryStart;

  private final int[] byCategory;

  /** Popularity weight summed over byCategory, restarting at each category. */
  private final double[] byCategoryCumulative;

  private Anchors(
      int count,
      short[] category,
      float[] style,
      float[] quality,
      float[] popularityZ,
      double[] popularityWeight,
      float[] liveDayProbability,
      byte[] habitualStartHour,
      float[] habitualHours,
      int categories) {
    this.count = count;
    this.category = category;
    this.style = style;
    this.quality = quality;
    this.popularityZ = popularityZ;
    this.popularityWeight = popularityWeight;
    this.liveDayProbability = liveDayProbability;
    this.habitualStartHour = habitualStartHour;
    this.habitualHours = habitualHours;
    this.categoryStart = new int[categories + 1];
    for (int a = 0; a < count; a++) {
      categoryStart[category[a] + 1]++;
    }
    for (int c = 0; c < categories; c++) {
      categoryStart[c + 1] += categoryStart[c];
    }
    this.byCategory = new int[count];
    this.byCategoryCumulative = new double[count];
    int[] fill = categoryStart.clone();
    for (int a = 0; a < count; a++) {
      byCategory[fill[category[a]]++] = a;
    }
    for (int c = 0; c < categories; c++) {
      double sum = 0;
      for (int i = categoryStart[c]; i < categoryStart[c + 1]; i++) {
        sum += popularityWeight[byCategory[i]];
        byCategoryCumulative[i] = sum;
      }
    }
  }

  public static Anchors generate(
      WorldParameters world,
      ScheduleParameters schedule,
      Categories categories,
      LatentSpace space,
      Seeds seeds,
      Progress progress) {
    int count = world.anchors();
    int dimension = space.dimension();
    short[] category = new short[count];
    float[] style = new float[count * dimension];
    float[] quality = new float[count];
    float[] popularityZ = new float[count];
    double[] popularityWeight = new double[count];
    float[] liveDayProbability = new float[count];
    byte[] startHour = new byte[count];
    float[] hours = new float[count];
    double[] vector = new double[dimension];
    double rho = world.popularityQualityCorrelation();
    double rest = StrictMath.sqrt(1 - rho * rho);
    progress.start("anchors", count, "anchors");
    for (int a = 0; a < count; a++) {
      RandomStream random = seeds.stream(StreamKind.ANCHOR, a);
      // The first anchors cover every category once, so that no category is without anchors.
      int c = a < categories.count() ? a : categories.sampleByPopularity(random);
      category[a] = (short) c;
      java.util.Arrays.fill(vector, 0);
      space.addRow(vector, categories.centroids(), c, 1.0);
      space.addNoise(random, vector, world.styleNoise());
      space.normalize(vector);
      space.store(vector, style, a);
      double q = random.nextGaussian();
      double z = rho * q + rest * random.nextGaussian();
      quality[a] = (float) q;
      popularityZ[a] = (float) z;
      popularityWeight[a] = StrictMath.exp(world.popularitySigma() * (float) z);
      liveDayProbability[a] =
          (float)
              random.nextDouble(schedule.liveDayProbabilityMin(), schedule.liveDayProbabilityMax());
      startHour[a] = (byte) DailyCurves.sampleAnchorStartHour(random);
      hours[a] = (float) random.nextDouble(schedule.sessionHoursMin(), schedule.sessionHoursMax());
      if ((a & 1023) == 1023) {
        progress.advance(1024);
      }
    }
    progress.advance(count & 1023);
    progress.finish(count + " anchors");
    return new Anchors(
        count,
        category,
        style,
        quality,
        popularityZ,
        popularityWeight,
        liveDayProbability,
        startHour,
        hours,
        categories.count());
  }

  public int count() {
    return count;
  }

  public int category(int anchor) {
    return category[anchor];
  }

  /** Styles as rows of a flat matrix (count x dimension). */
  public float[] styles() {
    return style;
  }

  public double quality(int anchor) {
    return quality[anchor];
  }

  /** Standard-normal popularity score; the popularity weight is exp(popularitySigma * z). */
  public double popularityZ(int anchor) {
    return popularityZ[anchor];
  }

  public double popularityWeight(int anchor) {
    return popularityWeight[anchor];
  }

  public double liveDayProbability(int anchor) {
    return liveDayProbability[anchor];
  }

  public int habitualStartHour(int anchor) {
    return habitualStartHour[anchor];
  }

  public double habitualHours(int anchor) {
    return habitualHours[anchor];
  }

  /** The anchors.csv feature fans_level, lv1..lv5, from the popularity z-score. */
  public String fansLevel(int anchor) {
    double z = popularityZ[anchor];
    int level = 0;
    while (level < FANS_LEVEL_THRESHOLDS.length && z >= FANS_LEVEL_THRESHOLDS[level]) {
      level++;
    }
    return FANS_LEVELS[level];
  }

  public int categorySize(int category) {
    return categoryStart[category + 1] - categoryStart[category];
  }

  /** The i-th anchor (ascending id) of {@code category}. */
  public int anchorOfCategory(int category, int i) {
    return byCategory[categoryStart[category] + i];
  }

  /** An anchor of {@code category} drawn by popularity (every category has one). */
  public int samplePopularInCategory(int category, RandomStream random) {
    int from = categoryStart[category];
    int to = categoryStart[category + 1];
    double total = byCategoryCumulative[to - 1];
    return byCategory[
        WeightedChoice.search(byCategoryCumulative, from, to, random.nextDouble() * total)];
  }
}
