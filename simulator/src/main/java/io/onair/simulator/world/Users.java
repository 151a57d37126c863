package io.onair.simulator.world;

import io.onair.dataset.progress.Progress;
import io.onair.simulator.WorldParameters;
import io.onair.simulator.random.RandomStream;
import io.onair.simulator.random.Seeds;
import io.onair.simulator.random.StreamKind;
import io.onair.simulator.random.WeightedChoice;
import java.util.Arrays;

/**
 * The users, as flat arrays indexed by user: favourite categories (1 to 3, with weights), a taste
 * vector concentrated on them, a heavy-tailed activity, purchase propensity, price sensitivity and
 * budget, an own click bias, a habitual hour and home scenario, and a profile correlated with the
 * main favourite category. Immutable after generation.
 */
public final class Users {
  /** Up to this many favourite categories per user. */
  public static final int MAX_FAVOURITES = 3;

  public static final String[] AGE_BANDS = {"18-24", "25-29", "30-34", "35-39", "40-49", "50+"};
  public static final String[] GENDERS = {"f", "m"};
  public static final String[] CITY_TIERS = {"t1", "t2", "t3", "t4", "t5"};

  private final int count;
  private final float[] taste;
  private final byte[] favouriteCount;
  private final short[] favourite;
  private final float[] favouriteWeight;
  private final float[] activity;
  private final float[] propensity;
  private final float[] priceSensitivity;
  private final float[] logBudget;
  private final float[] clickBias;
  private final byte[] habitualHour;
  private final byte[] homeScenario;
  private final byte[] ageBand;
  private final byte[] gender;
  private final byte[] cityTier;

  private Users(int count, int dimension) {
    this.count = count;
    this.taste = new float[count * dimension];
    this.favouriteCount = new byte[count];
    this.favourite = new short[count * MAX_FAVOURITES];
    this.favouriteWeight = new float[count * MAX_FAVOURITES];
    this.activity = new float[count];
    this.propensity = new float[count];
    this.priceSensitivity = new float[count];
    this.logBudget = new float[count];
    this.clickBias = new float[count];
    this.habitualHour = new byte[count];
    this.homeScenario = new byte[count];
    this.ageBand = new byte[count];
    this.gender = new byte[count];
    this.cityTier = new byte[count];
  }

  public static Users generate(
      WorldParameters world,
      WeightedChoice scenarioShares,
      Categories categories,
      LatentSpace space,
      Seeds seeds,
      Progress progress) {
    int count = world.users();
    int dimension = space.dimension();
    Users users = new Users(count, dimension);
    double[] vector = new double[dimension];
    int[] cats = new int[MAX_FAVOURITES];
    double[] weights = new double[MAX_FAVOURITES];
    double logMedianPrice = StrictMath.log(world.medianPrice());
    double activitySigma = world.activitySigma();
    progress.start("users", count, "users");
    for (int u = 0; u < count; u++) {
      RandomStream random = seeds.stream(StreamKind.USER, u);
      double r = random.nextDouble();
      int k = Math.min(categories.count(), r < 0.45 ? 1 : r < 0.80 ? 2 : 3);
      int n = 0;
      for (int attempt = 0; n < k && attempt < 50; attempt++) {
        int c = categories.sampleByPopularity(random);
        boolean repeat = false;
        for (int j = 0; j < n; j++) {
          repeat |= cats[j] == c;
        }
        if (!repeat) {
          cats[n] = c;
          weights[n] = random.nextExponential();
          n++;
        }
      }
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += weights[j];
      }
      for (int i = 1; i < n; i++) { // strongest favourite first
        for (int j = i; j > 0 && weights[j] > weights[j - 1]; j--) {
          double w = weights[j];
          weights[j] = weights[j - 1];
          weights[j - 1] = w;
          int c = cats[j];
          cats[j] = cats[j - 1];
          cats[j - 1] = c;
        }
      }
      Arrays.fill(vector, 0);
      users.favouriteCount[u] = (byte) n;
      for (int j = 0; j < n; j++) {
        users.favourite[u * MAX_FAVOURITES + j] = (short) cats[j];
        users.favouriteWeight[u * MAX_FAVOURITES + j] = (float) (weights[j] / sum);
        space.addRow(vector, categories.centroids(), cats[j], weights[j] / sum);
      }
      space.addNoise(random, vector, world.tasteNoise());
      space.normalize(vector);
      space.store(vector, users.taste, u);

      double z = random.nextGaussian();
      users.activity[u] =
          (float)
              Math.min(
                  world.activityCap(),
                  StrictMath.exp(activitySigma * z - 0.5 * activitySigma * activitySigma));
      users.propensity[u] = (float) random.nextGaussian();
      users.priceSensitivity[u] =
          (float) StrictMath.exp(world.priceSensitivitySigma() * random.nextGaussian());
      users.clickBias[u] = (float) (world.userBiasSigma() * random.nextGaussian());

      int primary = cats[0];
      double femaleProbability = 1 / (1 + StrictMath.exp(-2 * categories.genderSkew(primary)));
      users.gender[u] = (byte) (random.nextDouble() < femaleProbability ? 0 : 1);
      users.ageBand[u] =
          (byte) clamp(categories.ageCenter(primary) + 1.2 * random.nextGaussian(), 0, 5);
      int tier = clamp(categories.tierCenter(primary) + 1.2 * random.nextGaussian(), 1, 5);
      users.cityTier[u] = (byte) (tier - 1);
      users.logBudget[u] =
          (float)
              (logMedianPrice + 0.25 * (3 - tier) + world.budgetSigma() * random.nextGaussian());
      users.habitualHour[u] = (byte) DailyCurves.sampleUserHour(random);
      users.homeScenario[u] = (byte) scenarioShares.sample(random);
      if ((u & 4095) == 4095) {
        progress.advance(4096);
      }
    }
    progress.advance(count & 4095);
    progress.finish(count + " users");
    return users;
  }

  private static int clamp(double value, int min, int max) {
    return (int) Math.max(min, Math.min(max, Math.round(value)));
  }

  public int count() {
    return count;
  }

  /** Tastes as rows of a flat matrix (count x dimension). */
  public float[] tastes() {
    return taste;
  }

  public int favouriteCount(int user) {
    return favouriteCount[user];
  }

  public int favourite(int user, int index) {
    return favourite[user * MAX_FAVOURITES + index];
  }

  /** A favourite category of {@code user}, drawn by the user's weights. */
  public int sampleFavourite(int user, RandomStream random) {
    double r = random.nextDouble();
    int n = favouriteCount[user];
    int base = user * MAX_FAVOURITES;
    for (int j = 0; j < n - 1; j++) {
      r -= favouriteWeight[base + j];
      if (r < 0) {
        return favourite[base + j];
      }
    }
    return favourite[base + n - 1];
  }

  /** Mean 1, heavy-tailed: multiplies the user's sessions and browses per day. */
  public double activity(int user) {
    return activity[user];
  }

  /** Standard-normal purchase propensity. */
  public double propensity(int user) {
    return propensity[user];
  }

  public double priceSensitivity(int user) {
    return priceSensitivity[user];
  }

  public double logBudget(int user) {
    return logBudget[user];
  }

  public double clickBias(int user) {
    return clickBias[user];
  }

  public int habitualHour(int user) {
    return habitualHour[user];
  }

  public int homeScenario(int user) {
    return homeScenario[user];
  }

  public String ageBand(int user) {
    return AGE_BANDS[ageBand[user]];
  }

  public String gender(int user) {
    return GENDERS[gender[user]];
  }

  public String cityTier(int user) {
    return CITY_TIERS[cityTier[user]];
  }

  /** Price fit of an item for the user: 0 within budget, negative above it. */
  public double priceFit(int user, double logPrice) {
    return -priceSensitivity[user] * Math.max(0, logPrice - logBudget[user]);
  }
}
