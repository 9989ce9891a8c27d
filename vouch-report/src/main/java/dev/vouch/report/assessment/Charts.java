package dev.vouch.report.assessment;

import dev.vouch.assess.Band;
import dev.vouch.assess.CategoryScore;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.dial.DialBackground;
import org.jfree.chart.plot.dial.DialCap;
import org.jfree.chart.plot.dial.DialPlot;
import org.jfree.chart.plot.dial.DialPointer;
import org.jfree.chart.plot.dial.DialTextAnnotation;
import org.jfree.chart.plot.dial.DialValueIndicator;
import org.jfree.chart.plot.dial.StandardDialFrame;
import org.jfree.chart.plot.dial.StandardDialRange;
import org.jfree.chart.plot.dial.StandardDialScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultValueDataset;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The report's charts, drawn with the bundled font so they look the same on every machine. */
final class Charts {
    static final Color RED = new Color(0xC62828);
    static final Color ORANGE = new Color(0xEF6C00);
    static final Color YELLOW = new Color(0xF9A825);
    static final Color GREEN = new Color(0x2E7D32);
    static final Color INK = new Color(0x1F2933);
    private static final Font BASE = loadFont();

    private Charts() {
    }

    static Color bandColor(Band band) {
        return switch (band) {
            case NOT_READY -> RED;
            case REMEDIATION_NEEDED -> ORANGE;
            case NEARLY_READY -> YELLOW;
            case READY -> GREEN;
        };
    }

    /** A dial from 0 to 100 with the four bands and a needle at {@code score}. */
    static JFreeChart gauge(double score, String caption) {
        DialPlot plot = new DialPlot(new DefaultValueDataset(score));
        plot.setDialFrame(new StandardDialFrame());
        plot.setBackground(new DialBackground(Color.WHITE));
        band(plot, 0, 60, RED);
        band(plot, 60, 80, ORANGE);
        band(plot, 80, 90, YELLOW);
        band(plot, 90, 100, GREEN);
        StandardDialScale scale = new StandardDialScale(0, 100, -120, -300, 10, 1);
        scale.setTickRadius(0.88);
        scale.setTickLabelOffset(0.15);
        scale.setTickLabelFont(BASE.deriveFont(10f));
        scale.setTickLabelPaint(INK);
        scale.setTickLabelFormatter(new java.text.DecimalFormat("0"));
        plot.addScale(0, scale);
        DialTextAnnotation label = new DialTextAnnotation(caption);
        label.setFont(BASE.deriveFont(Font.BOLD, 12f));
        label.setRadius(0.62);
        plot.addLayer(label);
        DialValueIndicator value = new DialValueIndicator(0);
        value.setFont(BASE.deriveFont(Font.BOLD, 14f));
        value.setNumberFormat(new java.text.DecimalFormat("0.0"));
        value.setRadius(0.45);
        plot.addLayer(value);
        DialPointer.Pointer needle = new DialPointer.Pointer();
        needle.setFillPaint(INK);
        plot.addPointer(needle);
        plot.setCap(new DialCap());
        JFreeChart chart = new JFreeChart(plot);
        theme().apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        return chart;
    }

    private static void band(DialPlot plot, double from, double to, Color color) {
        StandardDialRange r = new StandardDialRange(from, to, color);
        r.setInnerRadius(0.52);
        r.setOuterRadius(0.56);
        plot.addLayer(r);
    }

    /** One horizontal bar per in-scope category, coloured by its band; not-tested categories show as 0. */
    static JFreeChart categories(List<CategoryScore> categories) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CategoryScore c : categories) {
            data.addValue(c.score(), "score", c.category().title());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "score (0-100)", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCBD2D9));
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return bandColor(categories.get(column).band());
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.18);
        plot.setRenderer(renderer);
        bandMarkers(plot);
        return chart;
    }

    private static void bandMarkers(CategoryPlot plot) {
        for (double line : new double[] {60, 80, 90}) {
            org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(line);
            m.setPaint(new Color(0x9AA5B1));
            m.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            plot.addRangeMarker(m);
        }
    }

    /** The overall score at each recorded scan, with the "ready" band shaded. */
    static JFreeChart trend(List<TrendPoint> points) {
        TimeSeries series = new TimeSeries("overall");
        for (TrendPoint p : points) {
            series.addOrUpdate(new Millisecond(Date.from(p.at())), p.overall());
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, "overall score", new TimeSeriesCollection(series),
                false, false, false);
        theme().apply(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE4E7EB));
        plot.setRangeGridlinePaint(new Color(0xE4E7EB));
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        DateAxis time = (DateAxis) plot.getDomainAxis();
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        fmt.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(fmt);
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        IntervalMarker ready = new IntervalMarker(90, 100);
        ready.setPaint(new Color(46, 125, 50, 40));
        plot.addRangeMarker(ready, org.jfree.chart.ui.Layer.BACKGROUND);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, points.size() <= 60);
        line.setSeriesPaint(0, new Color(0x1F5FAD));
        line.setSeriesStroke(0, new BasicStroke(1.6f));
        plot.setRenderer(line);
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("vouch");
        t.setExtraLargeFont(BASE.deriveFont(Font.BOLD, 14f));
        t.setLargeFont(BASE.deriveFont(Font.BOLD, 11f));
        t.setRegularFont(BASE.deriveFont(10f));
        t.setSmallFont(BASE.deriveFont(9f));
        t.setAxisLabelPaint(INK);
        t.setTickLabelPaint(INK);
        t.setChartBackgroundPaint(Color.WHITE);
        return t;
    }

    private static Font loadFont() {
        try (InputStream in = Fonts.open(Fonts.SANS)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font " + Fonts.SANS, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font " + Fonts.SANS + " is not a TrueType font", e);
        }
    }
}
