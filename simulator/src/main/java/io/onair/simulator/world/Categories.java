package io.onair.simulator.world;

import io.onair.simulator.WorldParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;
import io.onair.simulator.random.WeightedChoice;

/**
 * The categories: a centroid in the latent space, a popularity (Zipf by index), a price level, and
 * the profile of the users who favour them (gender skew, age and city-tier centres), which is what
 * makes profile features informative about taste. Immutable after generation.
 */
public final class Categories {
  private final int count;
  private final float[] centroids;
  private final WeightedChoice popularity;
  private final double[] genderSkew;
  private final double[] ageCenter;
  private final double[] tierCenter;
  private final double[] logMedianPrice;

  private Categories(
      int count,
      float[] centroids,
      WeightedChoice popularity,
      double[] genderSkew,
      double[] ageCenter,
      double[] tierCenter,
      double[] logMedianPrice) {
    this.count = count;
    this.centroids = centroids;
    this.popularity = popularity;
    this.genderSkew = genderSkew;
    this.ageCenter = ageCenter;
    this.tierCenter = tierCenter;
    this.logMedianPrice = logMedianPrice;
  }

  public static Categories generate(WorldParameters world, LatentSpace space, Seeds seeds) {
    int count = world.categories();
    int dimension = space.dimension();
    float[] centroids = new float[count * dimension];
    double[] weights = new double[count];
    double[] genderSkew = new double[count];
    double[] ageCenter = new double[count];
    double[] tierCenter = new double[count];
    double[] logMedianPrice = new double[count];
    double[] vector = new double[dimension];
    double logMedian = StrictMath.log(world.medianPrice());
    for (int c = 0; c < count; c++) {
      RandomStream random = seeds.stream(StreamKind.CATEGORY, c);
      space.randomUnit(random, vector);
      space.store(vector, centroids, c);
      weights[c] = 1.0 / StrictMath.pow(c + 1, world.categoryZipfExponent());
      genderSkew[c] = random.nextDouble(-1, 1);
      ageCenter[c] = random.nextDouble(0.5, 4.5);
      tierCenter[c] = random.nextDouble(1.5, 4.5);
      logMedianPrice[c] = logMedian + world.categoryPriceSigma() * random.nextGaussian();
    }
    return new Categories(
        count,
        centroids,
        new WeightedChoice(weights),
        genderSkew,
        ageCenter,
        tierCenter,
        logMedianPrice);
  }

  public int count() {
    return count;
  }

  /** Centroids as rows of a flat matrix (count x dimension). */
  public float[] centroids() {
    return centroids;
  }

  /** A category drawn by popularity. */
  public int sampleByPopularity(RandomStream random) {
    return popularity.sample(random);
  }

  public double popularityShare(int category) {
    return popularity.probability(category);
  }

  public double genderSkew(int category) {
    return genderSkew[category];
  }

  public double ageCenter(int category) {
    return ageCenter[category];
  }

  public double tierCenter(int category) {
    return tierCenter[category];
  }

  public double logMedianPrice(int category) {
    return logMedianPrice[category];
  }
}
