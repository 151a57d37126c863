package io.onair.dataset.write;

import static java.util.Objects.requireNonNull;

import io.onair.dataset.csv.CsvWriter;
import io.onair.dataset.manifest.DatasetFile;
import io.onair.dataset.manifest.DatasetManifest;
import io.onair.dataset.manifest.FeatureSpec;
import io.onair.dataset.manifest.ManifestCodec;
import io.onair.dataset.manifest.TargetKind;
import io.onair.dataset.manifest.TargetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@code onair-dataset/1} directory: the manifest, then one streaming {@link CsvWriter}
 * per file with the header the manifest implies (required columns, declared features, one label
 * column per target). Callers write each row's cells in header order.
 *
 * <p>Not thread-safe. Closing closes every file opened.
 */
public final class DatasetWriter implements AutoCloseable {
  /** The folder beside the dataset's files that holds the simulator's ground truth. */
  public static final String TRUTH_DIRECTORY = "truth";

  /** The file in {@link #TRUTH_DIRECTORY} with the true probability of every binary target. */
  public static final String TRUTH_IMPRESSIONS = "impressions.csv";

  /**
   * Optional truth column: the probability that the user likes the refer room (empty without one).
   */
  public static final String TRUTH_P_REFER_LIKED = "p_refer_liked";

  /**
   * Optional truth column: 1 when the user liked the refer room as the impression was drawn, 0 when
   * not, empty without a refer room. Written together with {@link #TRUTH_P_REFER_LIKED}.
   */
  public static final String TRUTH_REFER_LIKED = "refer_liked";

  private final Path directory;
  private final DatasetManifest manifest;
  private final Map<DatasetFile, CsvWriter> open = new EnumMap<>(DatasetFile.class);
  private CsvWriter truth;

  private DatasetWriter(Path directory, DatasetManifest manifest) {
    this.directory = directory;
    this.manifest = manifest;
  }

  /** Creates the directory if needed and writes {@code manifest.json}. */
  public static DatasetWriter create(Path directory, DatasetManifest manifest) {
    requireNonNull(directory, "directory is null");
    requireNonNull(manifest, "manifest is null");
    ManifestCodec.write(manifest, directory);
    return new DatasetWriter(directory, manifest);
  }

  public Path directory() {
    return directory;
  }

  public DatasetManifest manifest() {
    return manifest;
  }

  /**
   * Opens {@code file} with its full header: required columns, then the optional ones asked for,
   * then declared features (users, anchors, items) or label columns (impressions).
   */
  public CsvWriter open(DatasetFile file, boolean withOptionalColumns) {
    requireNonNull(file, "file is null");
    if (open.containsKey(file)) {
      throw new IllegalStateException(file.fileName() + " is already open");
    }
    CsvWriter writer =
        CsvWriter.create(
            directory.resolve(file.fileName()), header(file, manifest, withOptionalColumns));
    open.put(file, writer);
    return writer;
  }

  public CsvWriter open(DatasetFile file) {
    return open(file, false);
  }

  /**
   * Opens {@code truth/impressions.csv}: one row per impression, in the order of impressions.csv,
   * with the column {@code p_<target>} for every binary target.
   */
  public CsvWriter openTruth() {
    return openTruth(false);
  }

  /**
   * As {@link #openTruth()}; with {@code referInterest} the columns {@code p_refer_liked} and
   * {@code refer_liked} follow the targets' (see {@link #truthHeader(DatasetManifest, boolean)}).
   */
  public CsvWriter openTruth(boolean referInterest) {
    if (truth != null) {
      throw new IllegalStateException("the truth file is already open");
    }
    truth =
        CsvWriter.create(
            directory.resolve(TRUTH_DIRECTORY).resolve(TRUTH_IMPRESSIONS),
            truthHeader(manifest, referInterest));
    return truth;
  }

  /**
   * The header of {@code truth/impressions.csv}: {@code p_<target>} per binary target, then, with
   * {@code referInterest}, {@code p_refer_liked, refer_liked}.
   */
  public static List<String> truthHeader(DatasetManifest manifest, boolean referInterest) {
    List<String> header = truthHeader(manifest);
    if (referInterest) {
      header.add(TRUTH_P_REFER_LIKED);
      header.add(TRUTH_REFER_LIKED);
    }
    return header;
  }

  /** The target columns of {@code truth/impressions.csv}: {@code p_<target>} per binary target. */
  public static List<String> truthHeader(DatasetManifest manifest) {
    List<String> header = new ArrayList<>();
    for (TargetSpec target : manifest.targetGraph().targets()) {
      if (target.kind() == TargetKind.BINARY) {
        header.add("p_" + target.name());
      }
    }
    return header;
  }

  /** The header this writer gives {@code file}. */
  public static List<String> header(
      DatasetFile file, DatasetManifest manifest, boolean withOptionalColumns) {
    List<String> header = new ArrayList<>(file.requiredColumns());
    if (withOptionalColumns) {
      header.addAll(file.optionalColumns());
    }
    for (FeatureSpec feature : manifest.featuresOf(file)) {
      header.add(feature.name());
    }
    if (file == DatasetFile.IMPRESSIONS) {
      for (TargetSpec target : manifest.targets()) {
        header.add(target.name());
      }
    }
    return header;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    List<CsvWriter> writers = new ArrayList<>(open.values());
    if (truth != null) {
      writers.add(truth);
    }
    for (CsvWriter writer : writers) {
      try {
        writer.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    open.clear();
    truth = null;
    if (failure != null) {
      throw failure;
    }
  }
}
