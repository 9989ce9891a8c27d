package dev.vouch.report.assessment;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Where a chart goes in the document: a PNG inside the HTML report, or a vector drawing in the PDF
 * (an {@code <object type="vouch-chart">} the PDF renderer draws with the chart itself).
 */
sealed interface ChartSink {

    void place(Xhtml x, String id, JFreeChart chart, int width, int height, String alt);

    /** PNG at twice the CSS size (sharp on high-density screens and when printed). */
    final class Png implements ChartSink {
        @Override
        public void place(Xhtml x, String id, JFreeChart chart, int width, int height, String alt) {
            byte[] png;
            try {
                png = ChartUtils.encodeAsPNG(chart.createBufferedImage(width * 2, height * 2, width, height, null));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode chart " + id, e);
            }
            x.empty("img", "id", "chart-" + id, "class", "chart", "alt", alt,
                    "style", "width:" + width + "px;height:" + height + "px",
                    "src", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        }
    }

    /** Vector charts: the PDF renderer calls back with a Graphics2D that writes PDF operators. */
    final class Vector implements ChartSink {
        final Map<String, JFreeChart> charts = new LinkedHashMap<>();

        @Override
        public void place(Xhtml x, String id, JFreeChart chart, int width, int height, String alt) {
            charts.put(id, chart);
            x.open("div", "class", "chart", "role", "img", "aria-label", alt);
            x.empty("object", "type", "vouch-chart", "data-chart", id, "style", "width:" + width + "px;height:" + height + "px");
            x.close();
        }

        void draw(String id, java.awt.Graphics2D g, double width, double height) {
            JFreeChart chart = charts.get(id);
            if (chart == null) {
                throw new IllegalStateException("no chart '" + id + "' in this report");
            }
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        }
    }
}
