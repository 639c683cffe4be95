package io.detsim.bench.real;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Latency by percentile as one self-contained HTML page (inline SVG, no script, no network), drawn
 * like HdrHistogram's plots: the x axis is {@code log10(1 / (1 - percentile))}, so 90 %, 99 %,
 * 99.9 % and 99.99 % are evenly spaced and the tail gets the room it deserves. The y axis is
 * logarithmic too: a rate sweep spans answers of a millisecond and stalls of seconds, and on a
 * linear axis the healthy points would lie flat on zero. One line per point.
 */
final class LatencyChart {
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 540;
  private static final int LEFT = 80;
  private static final int RIGHT = 300;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final double X_MAX = 4; // 99.99 %
  private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
      "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

  /** One line: a label and its latency histogram in nanoseconds. */
  record Line(String label, Histogram latencyNanos) {}

  private LatencyChart() {}

  static String render(String title, List<Line> lines, String tableHtml) {
    List<List<double[]>> curves = new ArrayList<>();
    double low = Double.MAX_VALUE;
    double high = 0;
    for (Line line : lines) {
      List<double[]> curve = curve(line.latencyNanos());
      curves.add(curve);
      for (double[] point : curve) {
        low = Math.min(low, point[1]);
        high = Math.max(high, point[1]);
      }
    }
    double yLow = Math.pow(10, Math.floor(Math.log10(Math.max(low == Double.MAX_VALUE ? 1 : low, 0.001))));
    double yHigh = Math.pow(10, Math.ceil(Math.log10(Math.max(high, yLow * 10))));
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n", WIDTH, HEIGHT,
        WIDTH, HEIGHT));
    axes(svg, yLow, yHigh);
    for (int i = 0; i < curves.size(); i++) {
      String color = COLORS[i % COLORS.length];
      StringBuilder points = new StringBuilder();
      for (double[] point : curves.get(i)) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(point[0]), y(point[1], yLow, yHigh)));
      }
      svg.append(String.format(Locale.ROOT,
          "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", color,
          points.toString().trim()));
      int legendY = TOP + 10 + 20 * i;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>%n",
          WIDTH - RIGHT + 20, legendY - 4, color));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
          WIDTH - RIGHT + 40, legendY, escape(lines.get(i).label())));
    }
    svg.append("</svg>\n");
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" + escape(title)
        + "</title>\n<style>body{font-family:sans-serif;margin:20px}table{border-collapse:collapse;font-size:12px}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}</style>\n</head>\n<body>\n<h1>"
        + escape(title) + "</h1>\n<p>Latency from the intended send time to ACCEPTED, by percentile.</p>\n"
        + svg + tableHtml + "</body>\n</html>\n";
  }

  /** (x, latency in ms) pairs along HdrHistogram's percentile iteration, up to 99.99 %. */
  static List<double[]> curve(Histogram histogram) {
    List<double[]> curve = new ArrayList<>();
    if (histogram.getTotalCount() == 0) {
      return curve;
    }
    for (HistogramIterationValue value : histogram.percentiles(5)) {
      double percentile = value.getPercentileLevelIteratedTo();
      double x = percentile >= 100 ? X_MAX : Math.min(X_MAX, Math.log10(100 / (100 - percentile)));
      curve.add(new double[] {x, histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1e6});
      if (x >= X_MAX) {
        break;
      }
    }
    curve.add(new double[] {X_MAX, histogram.getMaxValue() / 1e6}); // the tail ends at the max
    return curve;
  }

  private static void axes(StringBuilder svg, double yLow, double yHigh) {
    int plotRight = WIDTH - RIGHT;
    int plotBottom = HEIGHT - BOTTOM;
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#000\"/>%n", LEFT, TOP,
        plotRight - LEFT, plotBottom - TOP));
    String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
    for (int tick = 0; tick <= X_MAX; tick++) {
      double x = x(tick);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
          x, TOP, x, plotBottom));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n", x, plotBottom + 18,
          labels[tick]));
    }
    for (double value = yLow; value <= yHigh * 1.0001; value *= 10) {
      double y = y(value, yLow, yHigh);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
          LEFT, y, plotRight, y));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4,
          new java.math.BigDecimal(value).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString()));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">percentile</text>%n",
        (LEFT + plotRight) / 2, HEIGHT - 15));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"20\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 20 %d)\">"
            + "latency (ms, log)</text>%n", (TOP + plotBottom) / 2, (TOP + plotBottom) / 2));
  }

  private static double x(double logValue) {
    return LEFT + logValue / X_MAX * (WIDTH - RIGHT - LEFT);
  }

  private static double y(double millis, double yLow, double yHigh) {
    double clamped = Math.max(yLow, Math.min(yHigh, millis));
    double fraction = (Math.log10(clamped) - Math.log10(yLow)) / (Math.log10(yHigh) - Math.log10(yLow));
    return HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
