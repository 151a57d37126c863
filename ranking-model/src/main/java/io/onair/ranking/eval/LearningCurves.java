package io.onair.ranking.eval;

import static java.util.Objects.requireNonNull;

import io.onair.ranking.export.ModelCard;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One model's learning curves as a PNG (rendered headless): a grid with one row per target and two
 * columns, log loss and AUC against the epoch, each with up to three series (the sample of the
 * training rows, the validation split, the held-out days) and a dashed marker at the epoch kept.
 * The y axes fit the data. Reads the epoch maps of a {@link ModelCard} ({@code epochs}: per epoch
 * {@code epoch} and {@code train}, {@code validation} and {@code holdout}, each null or per target
 * a {@link TargetMetrics}, or its JSON form when the card was read from disk); a split that is null
 * in every epoch has no series, and a target without log loss or AUC in any epoch (a numeric one)
 * has no row. Immutable; {@link #write} renders into objects of its own, so it may run on several
 * threads at once.
 */
public final class LearningCurves {
  /** The image width {@link #write(Path)} uses. */
  public static final int DEFAULT_WIDTH = 1200;

  /** The height of one target's row in {@link #write(Path)}. */
  public static final int ROW_HEIGHT = 320;

  private static final int HEADER = 50;
  private static final int FOOTER = 40;
  private static final int MIN_CELL = 50;
  private static final Stroke MARKER_STROKE =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  private static final Color MARKER_COLOR = Color.DARK_GRAY;

  /** The three splits of an epoch map, in drawing order. */
  private enum Split {
    TRAIN("train", "train (sample)", new Color(0x1f77b4)),
    VALIDATION("validation", "validation", new Color(0xff7f0e)),
    HOLDOUT("holdout", "held-out", new Color(0x2ca02c));

    final String key;
    final String label;
    final Color color;

    Split(String key, String label, Color color) {
      this.key = key;
      this.label = label;
      this.color = color;
    }
  }

  /** The two columns of the grid. */
  private enum Metric {
    LOG_LOSS("log loss", Values::logloss),
    AUC("AUC", Values::auc);

    final String label;
    final Function<Values, Double> value;

    Metric(String label, Function<Values, Double> value) {
      this.label = label;
      this.value = value;
    }
  }

  /** One target's two plotted metrics on one split after one epoch; either may be null. */
  private record Values(Double logloss, Double auc) {}

  /** One epoch: its number and, per split present, per target its values. */
  private record Epoch(int number, Map<Split, Map<String, Values>> splits) {}

  private final String model;
  private final int selectedEpoch;
  private final List<Epoch> epochs;
  private final List<String> targets;
  private final Set<Split> splits;

  /**
   * The curves of {@code model} from its card's epoch maps ({@link ModelCard#epochs()}), marking
   * {@code selectedEpoch}.
   *
   * @throws IllegalArgumentException when there are no epochs, an epoch map has no epoch number or
   *     a split that is not per-target metrics, or {@code selectedEpoch} is not one of the epochs
   */
  public LearningCurves(String model, List<Map<String, Object>> epochs, int selectedEpoch) {
    this.model = requireNonNull(model, "model is null");
    requireNonNull(epochs, "epochs is null");
    if (epochs.isEmpty()) {
      throw new IllegalArgumentException("no epochs: " + model + " has no learning curves to plot");
    }
    List<Epoch> parsed = new ArrayList<>();
    for (Map<String, Object> map : epochs) {
      parsed.add(parse(model, requireNonNull(map, "an epoch map is null")));
    }
    if (parsed.stream().noneMatch(e -> e.number() == selectedEpoch)) {
      throw new IllegalArgumentException(
          "the kept epoch "
              + selectedEpoch
              + " of "
              + model
              + " is not one of its epochs "
              + parsed.stream().map(Epoch::number).toList());
    }
    this.epochs = List.copyOf(parsed);
    this.selectedEpoch = selectedEpoch;
    Set<String> plotted = new LinkedHashSet<>();
    Set<Split> present = new LinkedHashSet<>();
    for (Epoch epoch : parsed) {
      epoch
          .splits()
          .forEach(
              (split, byTarget) ->
                  byTarget.forEach(
                      (target, values) -> {
                        if (values.logloss() != null || values.auc() != null) {
                          plotted.add(target);
                          present.add(split);
                        }
                      }));
    }
    this.targets = List.copyOf(plotted);
    this.splits = Set.copyOf(present);
  }

  /** The curves of the model a card describes, marking its kept epoch. */
  public static LearningCurves of(ModelCard card) {
    requireNonNull(card, "card is null");
    return new LearningCurves(card.name(), card.epochs(), card.selectedEpoch());
  }

  /** The chart title: {@code <model>: learning curves (kept epoch N)}. */
  public String title() {
    return model + ": learning curves (kept epoch " + selectedEpoch + ")";
  }

  /** The targets that get a row, in the order of the epoch maps (empty: nothing to plot). */
  public List<String> targets() {
    return targets;
  }

  /**
   * Writes the PNG, {@link #DEFAULT_WIDTH} wide and {@link #ROW_HEIGHT} per target plus the title
   * and legend high, creating the parent directories.
   */
  public void write(Path file) {
    write(file, DEFAULT_WIDTH, HEADER + FOOTER + ROW_HEIGHT * Math.max(1, targets.size()));
  }

  /**
   * Writes the PNG at {@code width} × {@code height} pixels, creating the parent directories.
   *
   * @throws IllegalArgumentException when no target has curves, or the image leaves less than 50
   *     pixels each way for a plot
   */
  public void write(Path file, int width, int height) {
    requireNonNull(file, "file is null");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(
          model + " has no target with log loss or AUC in its learning curves");
    }
    if (width < 2 * MIN_CELL || height < HEADER + FOOTER + MIN_CELL * targets.size()) {
      throw new IllegalArgumentException(
          "a "
              + width
              + "x"
              + height
              + " image has no room for "
              + targets.size()
              + " row(s) of two "
              + MIN_CELL
              + "-pixel plots");
    }
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setPaint(Color.WHITE);
      g2.fillRect(0, 0, width, height);
      drawTitle(g2, width);
      double rowHeight = (double) (height - HEADER - FOOTER) / targets.size();
      double columnWidth = width / 2.0;
      for (int row = 0; row < targets.size(); row++) {
        for (Metric metric : Metric.values()) {
          JFreeChart cell = cell(targets.get(row), metric);
          cell.draw(
              g2,
              new Rectangle2D.Double(
                  metric.ordinal() * columnWidth,
                  HEADER + row * rowHeight,
                  columnWidth,
                  rowHeight));
        }
      }
      drawLegend(g2, width, height);
    } finally {
      g2.dispose();
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw new IllegalStateException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the learning curves to " + file, e);
    }
  }

  private JFreeChart cell(String target, Metric metric) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<Split> drawn = new ArrayList<>();
    for (Split split : Split.values()) {
      XYSeries series = new XYSeries(split.label, true, false);
      for (Epoch epoch : epochs) {
        Map<String, Values> byTarget = epoch.splits().get(split);
        Values values = byTarget == null ? null : byTarget.get(target);
        Double value = values == null ? null : metric.value.apply(values);
        if (value != null && Double.isFinite(value)) {
          series.add(epoch.number(), value);
        }
      }
      if (series.getItemCount() > 0) {
        data.addSeries(series);
        drawn.add(split);
      }
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            target + ": " + metric.label,
            "epoch",
            metric.label,
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < drawn.size(); i++) {
      renderer.setSeriesPaint(i, drawn.get(i).color);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    plot.setRenderer(renderer);
    NumberAxis epochAxis = (NumberAxis) plot.getDomainAxis();
    epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    int first = epochs.stream().mapToInt(Epoch::number).min().orElseThrow();
    int last = epochs.stream().mapToInt(Epoch::number).max().orElseThrow();
    epochAxis.setRange(first - 0.5, last + 0.5);
    NumberAxis valueAxis = (NumberAxis) plot.getRangeAxis();
    valueAxis.setAutoRangeIncludesZero(false);
    valueAxis.setAutoRangeMinimumSize(1e-3);
    ValueMarker kept = new ValueMarker(selectedEpoch, MARKER_COLOR, MARKER_STROKE);
    kept.setLabel("kept");
    kept.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    kept.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    kept.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    plot.addDomainMarker(kept);
    return chart;
  }

  private void drawTitle(Graphics2D g2, int width) {
    TextTitle title = new TextTitle(title(), new Font(Font.SANS_SERIF, Font.BOLD, 18));
    Size2D size =
        title.arrange(g2, new RectangleConstraint(new Range(0, width), new Range(0, HEADER)));
    title.draw(
        g2,
        new Rectangle2D.Double(
            (width - size.width) / 2, (HEADER - size.height) / 2, size.width, size.height));
  }

  private void drawLegend(Graphics2D g2, int width, int height) {
    LegendItemCollection items = new LegendItemCollection();
    for (Split split : Split.values()) {
      if (splits.contains(split)) {
        items.add(
            new LegendItem(
                split.label,
                null,
                null,
                null,
                new Ellipse2D.Double(-4, -4, 8, 8),
                split.color,
                new BasicStroke(1f),
                split.color));
      }
    }
    Shape line = new Line2D.Double(-8, 0, 8, 0);
    items.add(
        new LegendItem(
            "kept epoch " + selectedEpoch, null, null, null, line, MARKER_STROKE, MARKER_COLOR));
    LegendTitle legend = new LegendTitle(() -> items);
    legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    Size2D size =
        legend.arrange(g2, new RectangleConstraint(new Range(0, width), new Range(0, FOOTER)));
    legend.draw(
        g2,
        new Rectangle2D.Double(
            (width - size.width) / 2,
            height - FOOTER + (FOOTER - size.height) / 2,
            size.width,
            size.height));
  }

  private static Epoch parse(String model, Map<String, Object> map) {
    if (!(map.get("epoch") instanceof Number number)) {
      throw new IllegalArgumentException(
          "an epoch map of " + model + " has no epoch number: " + map.keySet());
    }
    int epoch = number.intValue();
    Map<Split, Map<String, Values>> splits = new LinkedHashMap<>();
    for (Split split : Split.values()) {
      Object byTarget = map.get(split.key);
      if (byTarget == null) {
        continue;
      }
      if (!(byTarget instanceof Map<?, ?> targets)) {
        throw new IllegalArgumentException(
            model + " epoch " + epoch + ": " + split.key + " is not per-target metrics");
      }
      Map<String, Values> values = new LinkedHashMap<>();
      targets.forEach(
          (target, metrics) -> {
            if (metrics != null) {
              values.put(String.valueOf(target), values(model, epoch, split, target, metrics));
            }
          });
      splits.put(split, values);
    }
    return new Epoch(epoch, splits);
  }

  private static Values values(
      String model, int epoch, Split split, Object target, Object metrics) {
    if (metrics instanceof TargetMetrics m) {
      return new Values(m.logloss(), m.auc());
    }
    if (metrics instanceof Map<?, ?> m) {
      return new Values(number(m.get("logloss")), number(m.get("auc")));
    }
    throw new IllegalArgumentException(
        model + " epoch " + epoch + ": " + split.key + " of " + target + " is not metrics");
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
